// The case manager's desk (my cases, overdue work first) and the partners'
// view (the cases their organisation is a member of and their own tasks).
import {api} from './api.js';
import {problemText} from './feedback.js';
import {fill, h, takeView} from './dom.js';
import {formatDate, t, tOr} from './i18n.js';
import {interventionsTable} from './view-case.js';

export async function showCases(view, user, kind) {
  view.dataset.screen = kind;
  const shown = takeView(view);
  const title = kind === 'desk' ? t('desk.title') : t('partner.title');
  fill(view, h('h1', {}, title), h('p', {}, t('app.loading')));
  const managerOnly = kind === 'desk' && !user.roles.includes('coordinator');
  let cases, overdue = [], overdueTotal = 0, tasks = [];
  try {
    cases = (await api('GET', `/api/v1/cases?open=1&limit=500${managerOnly ? '&mine=1' : ''}`)).cases;
    if (kind === 'desk') {
      // The latest 1,000 late items mark the cases shown; the count is of all of them.
      const late = await api('GET', '/api/v1/overdue?limit=1000');
      overdue = late.items;
      overdueTotal = late.total;
    } else {
      tasks = (await api('GET', '/api/v1/tasks')).tasks;
    }
  } catch (error) {
    if (shown()) fill(view, h('h1', {}, title), h('p', {class: 'error'}, problemText(error)));
    return;
  }
  if (!shown()) return;
  const dueByCase = new Map();
  for (const item of overdue) if (!dueByCase.has(item.case)) dueByCase.set(item.case, item);
  // Overdue first (most days late first), then the rest by case number.
  cases.sort((a, b) => (dueByCase.get(b.id)?.days_late ?? -1) - (dueByCase.get(a.id)?.days_late ?? -1) || a.id - b.id);
  fill(view, h('h1', {}, title),
    kind === 'desk' ? overdueSummary(overdueTotal) : h('p', {}, t('partner.intro')),
    cases.length ? casesTable(cases, dueByCase, kind) : h('p', {}, t('cases.none')),
    kind === 'partner' ? h('section', {'aria-labelledby': 'tasks-title'}, h('h2', {id: 'tasks-title'}, t('partner.tasks')),
      interventionsTable(tasks, null, true) ?? h('p', {class: 'hint'}, t('partner.no_tasks'))) : null);
}

function overdueSummary(total) {
  return h('p', {class: total ? 'warning' : 'hint'}, t('desk.overdue_count', {count: total}));
}

function casesTable(cases, dueByCase, kind) {
  return h('table', {class: 'cases'},
    h('caption', {class: 'visually-hidden'}, kind === 'desk' ? t('desk.title') : t('partner.title')),
    h('thead', {}, h('tr', {},
      h('th', {scope: 'col'}, t('case.number')), h('th', {scope: 'col'}, t('case.track')),
      h('th', {scope: 'col'}, t('case.step')), h('th', {scope: 'col'}, t('case.opened')),
      kind === 'desk' ? h('th', {scope: 'col'}, t('desk.next_due')) : null)),
    h('tbody', {}, cases.map((c) => {
      const due = dueByCase.get(c.id);
      return h('tr', {class: due ? 'overdue' : undefined},
        h('td', {}, h('a', {href: `#/cases/${c.id}`}, t('case.link', {id: c.id}))),
        h('td', {}, t('track.short', {track: c.track})),
        h('td', {}, tOr(`step.${c.step}`, c.step)),
        h('td', {}, formatDate(c.opened_at)),
        kind === 'desk' ? h('td', {}, due ? [t('desk.due', {what: tOr(`clock.${due.clock}`, due.clock),
          date: formatDate(due.due)}), ' ', h('strong', {}, t('desk.days_late', {days: due.days_late}))] : '') : null);
    })));
}
