// The auditor's view: whether the audit chain verifies, the emergency accesses
// waiting for review (closed here with a note), and the audit trail with
// filters. Entries show users and organisations by name (from the answer's
// `names` part), cases by number, and never hold case content.
import {api} from './api.js';
import {announce, problemText} from './feedback.js';
import {fill, h} from './dom.js';
import {formatDateTime, t, tOr} from './i18n.js';
import {organisationName, userName} from './names.js';

export async function showAudit(view) {
  view.dataset.screen = 'audit';
  fill(view, h('h1', {}, t('audit.title')), h('p', {}, t('app.loading')));
  const trail = h('div', {class: 'audit-trail'});
  try {
    const [verification, queue] = await Promise.all([
      api('GET', '/api/v1/audit/verification'), api('GET', '/api/v1/emergency-access')]);
    fill(view, h('h1', {tabindex: '-1'}, t('audit.title')),
      verificationStatus(verification),
      reviewQueue(view, queue.emergency_access),
      h('section', {'aria-labelledby': 'trail-title'}, h('h2', {id: 'trail-title'}, t('audit.trail_title')),
        filterForm(trail), trail));
    await showEntries(trail, {});
  } catch (error) {
    fill(view, h('h1', {}, t('audit.title')), h('p', {class: 'error'}, problemText(error)));
  }
}

function verificationStatus(v) {
  return h('p', {class: v.verifies ? 'audit-ok' : 'error', role: 'status'},
    v.verifies ? t('audit.verifies', {entries: v.entries}) : t('audit.broken', {entry: v.first_bad}));
}

function reviewQueue(view, grants) {
  return h('section', {'aria-labelledby': 'review-title'}, h('h2', {id: 'review-title'}, t('audit.review_title')),
    grants.length === 0 ? h('p', {}, t('audit.review_empty')) : h('table', {class: 'review'},
      h('thead', {}, h('tr', {}, ['audit.user', 'audit.case', 'audit.reason', 'audit.granted', 'audit.expires', 'audit.note']
        .map((key) => h('th', {scope: 'col'}, t(key))))),
      h('tbody', {}, grants.map((g) => reviewRow(view, g)))));
}

function reviewRow(view, g) {
  const noteId = `review-note-${g.id}`;
  const note = h('input', {id: noteId, type: 'text', maxlength: '2000'});
  const close = h('button', {type: 'submit'}, t('audit.close_review'));
  const form = h('form', {class: 'inline'}, h('label', {for: noteId, class: 'visually-hidden'}, t('audit.note')), note, close);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', `/api/v1/emergency-access/${g.id}/review`, {note: note.value});
      announce(t('audit.review_closed'));
      await showAudit(view);
    } catch (error) {
      announce(problemText(error));
    }
  });
  return h('tr', {}, h('td', {}, t('case.user', {id: g.user})), h('td', {}, h('a', {href: `#/cases/${g.case}`}, String(g.case))),
    h('td', {}, g.reason), h('td', {}, formatDateTime(g.granted_at)), h('td', {}, formatDateTime(g.expires_at)), h('td', {}, form));
}

function filterForm(trail) {
  const field = (name, type) => {
    const input = h('input', {id: `audit-${name}`, name, type, min: type === 'number' ? '1' : undefined});
    return [h('label', {for: `audit-${name}`}, t(`audit.filter_${name}`)), input];
  };
  const form = h('form', {class: 'filters'}, field('case', 'number'), field('user', 'number'), field('from', 'date'),
    field('until', 'date'), h('button', {type: 'submit'}, t('audit.filter')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const filters = {};
    for (const name of ['case', 'user', 'from', 'until']) {
      const value = form.elements[name].value;
      if (value) filters[name] = value;
    }
    await showEntries(trail, filters);
  });
  return form;
}

async function showEntries(trail, filters) {
  // Filters go to the API in the request, never into the page's address.
  const query = new URLSearchParams({...filters, limit: '200'}).toString();
  try {
    const answer = await api('GET', `/api/v1/audit?${query}`);
    const {entries} = answer;
    fill(trail, entries.length === 0 ? h('p', {}, t('audit.none')) : h('table', {class: 'entries'},
      h('caption', {}, t('audit.entries', {count: entries.length})),
      h('thead', {}, h('tr', {}, ['audit.at', 'audit.user', 'audit.organisation', 'audit.action', 'audit.case',
        'audit.categories', 'audit.bases', 'audit.outcome'].map((key) => h('th', {scope: 'col'}, t(key))))),
      h('tbody', {}, entries.map((e) => h('tr', {class: `outcome-${e.outcome}`},
        h('td', {}, formatDateTime(e.at)), h('td', {}, e.user === null ? '—' : userName(answer, e.user)),
        h('td', {}, e.organisation === null ? '—' : organisationName(answer, e.organisation)), h('td', {}, tOr(`audit.action_${e.action}`, e.action)),
        h('td', {}, e.case === null ? '—' : String(e.case)), h('td', {}, e.category), h('td', {}, e.legal_basis),
        h('td', {}, t(`audit.outcome_${e.outcome}`)))))));
  } catch (error) {
    fill(trail, h('p', {class: 'error'}, problemText(error)));
  }
}
