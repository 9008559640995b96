// Display names from the case answer's `names` part: the server names only
// the organisations and users that answer shows. An id without a name is
// shown as a number, as before.
import {t} from './i18n.js';

export function organisationName(answer, id) {
  return answer?.names?.organisations?.[id] ?? t('case.organisation', {id});
}

export function userName(answer, id) {
  return answer?.names?.users?.[id] ?? t('case.user', {id});
}
