// The auditor's view: a placeholder until the audit routes (issue #5) exist.
import {fill, h} from './dom.js';
import {t} from './i18n.js';

export function showAudit(view) {
  view.dataset.screen = 'audit';
  fill(view, h('h1', {}, t('audit.title')), h('p', {}, t('audit.coming')),
    h('ul', {}, ['audit.trail', 'audit.emergency', 'audit.verify'].map((key) => h('li', {}, t(key)))));
}
