// A refused transition's unmet guards, each in the user's language.
import {h} from './dom.js';
import {tOr} from './i18n.js';

export function guardList(guards) {
  return h('ul', {class: 'guards'}, guards.map((g) => h('li', {'data-guard': g.id ?? g.field},
    tOr(`guard.${g.id ?? g.field}`, g.text ?? g.problem))));
}
