// One case as a page, from one answer of the server (one read in the audit
// trail): the chain as a progress bar with the current step and the unmet
// guards of each next step, alerts, members, the family, round tables, plan,
// interventions, screenings, contacts and the history. Organisations and
// users are shown by the names the answer gives. Parts the server leaves out
// (secrecy rules) are simply not shown; so are forms the user's role may not use.
import {api} from './api.js';
import {stepsOfTrack} from './chain-steps.js';
import {announce, problemText} from './feedback.js';
import {facts, fill, h, takeView} from './dom.js';
import {guardList} from './guards.js';
import {formatDate, formatDateTime, t, tOr} from './i18n.js';
import {organisationName, personName, userName} from './names.js';
import {consentForm, consentList} from './view-case-consents.js';
import {workForms} from './view-case-forms.js';
import {planForms, reportForms} from './view-case-plan.js';

const milestones = ['criteria_confirmed', 'intake_held', 'safety_plan_made', 'referral_made', 'crisis_intervention',
  'plan_agreed_partners', 'plan_agreed_family'];

export async function showCase(view, user, id) {
  view.dataset.screen = 'case';
  const shown = takeView(view);
  fill(view, h('h1', {}, t('case.link', {id})), h('p', {}, t('app.loading')));
  let answer;
  try {
    answer = await api('GET', `/api/v1/cases/${id}`);
  } catch (error) {
    if (shown()) fill(view, h('h1', {}, t('case.link', {id})), h('p', {class: 'error'}, problemText(error)));
    return;
  }
  if (!shown()) return;
  const c = answer.case;
  const redraw = () => showCase(view, user, id);
  const manages = user.roles.includes('case_manager') && writesPlan(answer);
  const title = h('h1', {tabindex: '-1'}, t('case.link', {id}));
  const reports = reportForms(id, user, answer, redraw);
  fill(view, title,
    facts([[t('case.track'), t('track.long', {track: c.track})], [t('case.step'), tOr(`step.${c.step}`, c.step)],
      [t('case.opened'), formatDate(c.opened_at)], [t('case.closed'), formatDate(c.closed_at)],
      [t('case.closure_reason'), c.closed_at && c.closure_reason ? tOr(`closure.${c.closure_reason}`, c.closure_reason) : null],
      [t('case.manager'), c.case_manager === null ? t('case.no_manager') : userName(answer, c.case_manager)]]),
    progressBar(c),
    alerts(answer.overdue || [], answer.alerts || []),
    answer.next_steps ? nextSteps(view, user, id, answer.next_steps, manages) : null,
    manages ? section('decide', h('div', {class: 'forms'}, planForms(id, answer, redraw))) : null,
    manages && !c.closed_at ? milestoneForm(view, user, id) : null,
    manages && !c.closed_at ? section('record_work', h('div', {class: 'forms'}, workForms(id, answer, redraw))) : null,
    reports.length ? section('report', h('div', {class: 'forms'}, reports)) : null,
    answer.members ? section('members', list(answer.members, (m) => organisationName(answer, m))) : null,
    ...familySections(id, answer, manages && !c.closed_at, redraw),
    answer.my_tasks ? section('my_tasks', interventionsTable(answer.my_tasks, answer)) : null,
    readsPlan(answer) ? workSections(answer) : h('p', {class: 'hint'}, t('case.summary_only')));
}

// The family as far as the secrecy rules let this user see it: each part is
// present in the answer only when its data category allows.
function familySections(id, answer, recordsConsents, redraw) {
  return [
    answer.family ? section('family', list(answer.family, (p) => [`${p.first_name} ${p.last_name}`, ' — ',
      t(`family_role.${p.role}`), p.birth_date ? ` (${formatDate(p.birth_date)})` : ''])) : null,
    answer.consents ? section('consents', consentList(id, answer, recordsConsents ? redraw : null),
      recordsConsents && answer.family ? consentForm(id, answer, redraw) : null) : null,
    answer.household ? section('household', t('case.household_size', {persons: answer.household.persons,
      children: answer.household.children})) : null,
    answer.safe_contacts ? section('safe_contacts', list(answer.safe_contacts, (a) =>
      [personName(answer, a.person), ': ', [a.street, a.house_number].filter(Boolean).join(' '), ', ',
        [a.postcode, a.municipality].filter(Boolean).join(' '), a.phone ? ` — ${a.phone}` : ''])) : null,
    answer.reports ? section('reports', list(answer.reports, (r) => [formatDateTime(r.reported_at),
      r.narrative ? [': ', h('q', {}, r.narrative)] : ''])) : null,
    answer.care_notes ? section('care_notes', list(answer.care_notes, (n) => [formatDateTime(n.written_at), ' — ',
      organisationName(answer, n.organisation), ': ', n.text])) : null,
  ];
}

// The user's level on the action plan, as the server's secrecy policy gave it.
function readsPlan(answer) {
  return ['read', 'write'].includes(answer.access && answer.access.action_plan);
}

function writesPlan(answer) {
  return answer.access && answer.access.action_plan === 'write';
}

function section(name, ...content) {
  return h('section', {'aria-labelledby': `${name}-title`, class: `case-${name}`},
    h('h2', {id: `${name}-title`}, t(`case.${name}`)), content);
}

function progressBar(c) {
  const steps = stepsOfTrack[c.track] || [c.step];
  const at = steps.indexOf(c.step);
  return h('nav', {'aria-label': t('case.chain'), class: 'chain'},
    h('ol', {}, steps.map((step, i) => h('li', {
      class: i < at ? 'done' : i === at ? 'current' : 'todo',
      'aria-current': i === at ? 'step' : undefined,
    }, tOr(`step.${step}`, step)))));
}

function alerts(overdue, raised) {
  if (!overdue.length && !raised.length) return null;
  return h('section', {'aria-labelledby': 'alerts-title', class: 'alerts'},
    h('h2', {id: 'alerts-title'}, t('case.alerts')),
    h('ul', {},
      overdue.map((i) => h('li', {}, t('desk.due', {what: tOr(`clock.${i.clock}`, i.clock), date: formatDate(i.due)}),
        ' ', h('strong', {}, t('desk.days_late', {days: i.days_late})))),
      raised.map((a) => h('li', {}, tOr(`alert.${a.kind}`, a.kind), ' (', formatDateTime(a.created_at), ')'))));
}

function nextSteps(view, user, id, nextSteps, manages) {
  const message = h('div', {id: 'transition-message', role: 'alert'});
  return section('next', nextSteps.length ? h('ul', {class: 'next-steps'}, nextSteps.map((next) => h('li', {},
    manages && next.step !== 'closed' ? h('button', {type: 'button', 'data-step': next.step, onclick: () => move(view, user, id, next.step, message)},
      t('case.move_to', {step: tOr(`step.${next.step}`, next.step)})) : h('strong', {}, tOr(`step.${next.step}`, next.step)),
    next.unmet_guards.length ? [h('p', {}, t('case.unmet')), guardList(next.unmet_guards)]
      : h('p', {class: 'ok'}, t('case.ready'))))) : h('p', {}, t('case.no_next')), message);
}

async function move(view, user, id, step, message) {
  try {
    await api('POST', `/api/v1/cases/${id}/transitions`, {to: step});
    announce(t('case.moved', {step: tOr(`step.${step}`, step)}));
    await showCase(view, user, id);
  } catch (error) {
    const guards = error.problem?.errors;
    fill(message, h('p', {class: 'error'}, t('case.refused', {step: tOr(`step.${step}`, step)})),
      guards?.length ? guardList(guards) : h('p', {}, problemText(error)));
  }
}

function milestoneForm(view, user, id) {
  const select = h('select', {id: 'milestone'}, milestones.map((m) => h('option', {value: m}, tOr(`milestone.${m}`, m))));
  const message = h('p', {role: 'alert'});
  const form = h('form', {class: 'inline'}, h('label', {for: 'milestone'}, t('case.milestone')), select,
    h('button', {type: 'submit'}, t('case.record')), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', `/api/v1/cases/${id}/milestones`, {milestone: select.value});
      announce(t('case.recorded'));
      await showCase(view, user, id);
    } catch (error) {
      message.textContent = problemText(error);
    }
  });
  return section('milestones', form);
}

// Round tables, plan with interventions and owners, screenings, contacts,
// then the whole history: all from the one case answer.
function workSections(answer) {
  return [
    section('meetings', list(answer.round_tables, (m) => [t('case.meeting', {date: formatDate(m.held_on),
      count: m.participants?.length ?? 0}), m.participants?.length ? [' (', m.participants.map((p) => organisationName(answer, p)).join(', '), ')'] : '',
    m.decisions ? [': ', h('q', {}, m.decisions)] : ''])),
    section('plan', list(answer.goals, (g) => g.text), interventionsTable(answer.interventions, answer)),
    section('screenings', list(answer.risk?.screenings, (s) => [t('case.screening_kind', {kind: tOr(`screening.${s.kind}`, s.kind)}), ' ',
      Object.entries(s.scores || {}).map(([factor, score]) => `${factor.replaceAll('_', ' ')} ${score}/4`).join(', ')])),
    section('contacts', list(answer.contacts, (k) => t('case.contact', {date: formatDateTime(k.at),
      channel: tOr(`value.${k.channel}`, k.channel), outcome: tOr(`value.${k.outcome}`, k.outcome)}))),
    section('timeline', h('ol', {class: 'timeline'}, [...(answer.events || [])].reverse().map((e) => h('li', {},
      h('time', {datetime: e.at}, formatDateTime(e.at)), ' ', eventText(e, answer),
      e.actor !== null && e.actor !== undefined ? [' — ', userName(answer, e.actor)] : null,
      e.reason ? [' — ', h('q', {}, e.reason)] : null)))),
  ];
}

// Interventions with their executing partner and owner by name. `answer`
// gives the names; the partners' task list passes none and shows ids.
export function interventionsTable(interventions, answer, withCase = false) {
  if (!interventions?.length) return null;
  return h('table', {class: 'interventions'},
    h('caption', {}, t('case.interventions')),
    h('thead', {}, h('tr', {},
      withCase ? h('th', {scope: 'col'}, t('case.number')) : null,
      h('th', {scope: 'col'}, t('case.intervention')), h('th', {scope: 'col'}, t('case.executing')),
      h('th', {scope: 'col'}, t('case.owner')), h('th', {scope: 'col'}, t('case.due')),
      h('th', {scope: 'col'}, t('case.status')), h('th', {scope: 'col'}, t('case.result')))),
    h('tbody', {}, interventions.map((i) => h('tr', {'data-intervention': i.id},
      withCase ? h('td', {}, h('a', {href: `#/cases/${i.case}`}, t('case.link', {id: i.case}))) : null,
      h('td', {}, i.description ?? ''), h('td', {}, organisationName(answer, i.organisation)),
      h('td', {}, i.owner === undefined || i.owner === null ? '' : userName(answer, i.owner)),
      h('td', {}, formatDate(i.due_on)), h('td', {}, tOr(`value.${i.status}`, i.status ?? '')),
      h('td', {}, i.result ?? '')))));
}

function list(items, text) {
  return items?.length ? h('ul', {}, items.map((e) => h('li', {}, text(e)))) : h('p', {class: 'hint'}, t('case.nothing_yet'));
}

// An id in an event's detail is shown by name when the answer names it
// (a hand-over's `from` and `to` are users).
function detailValue(kind, key, value, answer) {
  const userKey = key === 'user' || key === 'owner' || (kind === 'case_manager_assigned' && (key === 'to' || key === 'from'));
  if (key === 'organisation' && answer.names?.organisations?.[value]) return answer.names.organisations[value];
  if (userKey && answer.names?.users?.[value]) return answer.names.users[value];
  return tOr(`value.${value}`, String(value));
}

function eventText(e, answer) {
  const parts = Object.entries(e.detail || {})
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${tOr(`detail.${k}`, k)}: ${detailValue(e.kind, k, v, answer)}`);
  return [h('strong', {}, tOr(`event.${e.kind}`, e.kind)), parts.length ? ` (${parts.join(', ')})` : ''];
}
