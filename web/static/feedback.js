// Short messages in the shared live region, and a problem's text for the user.
import {t} from './i18n.js';

export function announce(text) {
  document.getElementById('status').textContent = text;
}

// The user-facing text of a failed request: the server's detail when it has one.
export function problemText(error) {
  if (error?.status === 404) return t('error.not_found');
  if (error?.status === 403) return t('error.forbidden');
  return error?.problem?.detail || t('error.general');
}
