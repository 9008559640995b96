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

// A family member by name, from the answer's `family` part (when the user may read it).
export function personName(answer, id) {
  const p = answer?.family?.find((person) => person.id === id);
  return p ? `${p.first_name} ${p.last_name}` : t('case.person', {id});
}
