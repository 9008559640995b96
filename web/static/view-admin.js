// The administrator's view: the organisations of the chain (no case content).
import {api} from './api.js';
import {problemText} from './feedback.js';
import {fill, h, takeView} from './dom.js';
import {t, tOr} from './i18n.js';

export async function showAdmin(view) {
  view.dataset.screen = 'admin';
  const shown = takeView(view);
  fill(view, h('h1', {}, t('admin.title')), h('p', {}, t('app.loading')));
  try {
    const {organisations} = await api('GET', '/api/v1/organisations');
    if (!shown()) return;
    fill(view, h('h1', {}, t('admin.title')), h('table', {},
      h('caption', {}, t('admin.organisations')),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('admin.number')), h('th', {scope: 'col'}, t('admin.name')),
        h('th', {scope: 'col'}, t('admin.sector')))),
      h('tbody', {}, organisations.map((o) => h('tr', {}, h('td', {}, String(o.id)), h('td', {}, o.name),
        h('td', {}, tOr(`sector.${o.sector}`, o.sector)))))));
  } catch (error) {
    if (shown()) fill(view, h('h1', {}, t('admin.title')), h('p', {class: 'error'}, problemText(error)));
  }
}
