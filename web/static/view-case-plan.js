// The case manager's decisions on the case page: admit a member to the
// consultation, plan an intervention with its owner, change track, close
// with a reason (a refusal lists the unmet guards), reopen. The partners'
// report on their own interventions. Each form posts once; the page is then
// drawn again from the server, which decides everything again.
import {field, postingForm, select, textArea} from './form-kit.js';
import {guardList} from './guards.js';
import {problemText} from './feedback.js';
import {h} from './dom.js';
import {t, tOr} from './i18n.js';
import {organisationName, userName} from './names.js';

const closureReasons = ['goals_met', 'family_moved', 'refused_help', 'transferred', 'not_reached', 'follow_up_ended',
  'no_help_needed'];
const statuses = ['planned', 'in_progress', 'done', 'cancelled'];
const reportingRoles = ['case_manager', 'social_worker', 'police', 'prosecutor'];

function showGuards(error, message) {
  const guards = error.problem?.errors;
  message.append(h('p', {}, t('case.close_refused')), guards?.length ? guardList(guards) : h('p', {}, problemText(error)));
}

function admitForm(base, answer, redraw) {
  const choices = (answer.admittable || []).map((o) => [o, organisationName(answer, o)]);
  if (!choices.length) return null;
  const organisation = select('admit-organisation', choices);
  return postingForm('admit', `${base}/members`, [field('admit-organisation', t('form.organisation'), organisation)],
    () => ({organisation: Number(organisation.value)}), redraw, {submit: 'form.admit_button'});
}

function interventionForm(base, answer, redraw) {
  const members = answer.members || [];
  if (!members.length) return null;
  const goal = select('intervention-goal', [['', t('form.no_goal')], ...(answer.goals || []).map((g) => [g.id, g.text])]);
  const organisation = select('intervention-organisation', members.map((m) => [m, organisationName(answer, m)]));
  const owner = select('intervention-owner', []);
  const fillOwners = () => {
    const ids = answer.names?.owners?.[organisation.value] || [];
    owner.replaceChildren(...[['', t('form.no_owner')], ...ids.map((u) => [u, userName(answer, u)])]
      .map(([value, text]) => h('option', {value}, text)));
  };
  organisation.addEventListener('change', fillOwners);
  fillOwners();
  const description = h('input', {id: 'intervention-description', required: true, maxlength: 2000});
  const due = h('input', {id: 'intervention-due', type: 'date'});
  return postingForm('intervention', `${base}/interventions`, [
    field('intervention-description', t('form.description'), description),
    field('intervention-goal', t('form.for_goal'), goal),
    field('intervention-organisation', t('case.executing'), organisation),
    field('intervention-owner', t('case.owner'), owner),
    field('intervention-due', t('case.due'), due),
  ], () => ({description: description.value, organisation: Number(organisation.value),
    ...(goal.value ? {goal: Number(goal.value)} : {}), ...(owner.value ? {owner: Number(owner.value)} : {}),
    ...(due.value ? {due_on: due.value} : {})}), redraw);
}

function trackForm(base, c, redraw) {
  const track = select('track-to', [1, 2, 3].filter((n) => n !== c.track).map((n) => [n, t('track.long', {track: n})]));
  const reason = textArea('track-reason', {required: true});
  return postingForm('track', `${base}/track`, [field('track-to', t('form.new_track'), track),
    field('track-reason', t('form.reason'), reason)], () => ({track: Number(track.value), reason: reason.value}), redraw);
}

function closeForm(base, redraw) {
  const reason = select('close-reason', closureReasons.map((r) => [r, tOr(`closure.${r}`, r)]));
  const note = textArea('close-note');
  return postingForm('close', `${base}/transitions`, [field('close-reason', t('form.closure_reason'), reason),
    field('close-note', t('form.note'), note)],
  () => ({to: 'closed', closure_reason: reason.value, ...(note.value ? {note: note.value} : {})}), redraw,
  {refused: showGuards, submit: 'form.close_button'});
}

function reopenForm(base, redraw) {
  const reason = textArea('reopen-reason', {required: true});
  return postingForm('reopen', `${base}/reopen`, [field('reopen-reason', t('form.reason'), reason)],
    () => ({reason: reason.value}), redraw, {submit: 'form.reopen_button'});
}

// The decisions a case manager who may write the plan takes on this case.
export function planForms(id, answer, redraw) {
  const base = `/api/v1/cases/${id}`;
  const c = answer.case;
  if (c.closed_at) return [reopenForm(base, redraw)];
  return [admitForm(base, answer, redraw), interventionForm(base, answer, redraw), trackForm(base, c, redraw),
    closeForm(base, redraw)];
}

// The interventions this user may report on: their organisation's or their
// own; a case manager who writes the plan on any.
export function reportableInterventions(user, answer) {
  if (!user.roles.some((r) => reportingRoles.includes(r)) || answer.case.closed_at) return [];
  const all = answer.interventions || answer.my_tasks || [];
  const managesPlan = user.roles.includes('case_manager') && answer.access?.action_plan === 'write';
  return all.filter((i) => managesPlan || i.organisation === user.organisation || i.owner === user.id);
}

// One report form per intervention the user may report on.
export function reportForms(id, user, answer, redraw) {
  return reportableInterventions(user, answer).map((i) => {
    const status = select(`report-status-${i.id}`, statuses.map((s) => [s, tOr(`value.${s}`, s)]), {});
    status.value = i.status;
    const result = textArea(`report-result-${i.id}`, {'data-intervention': i.id});
    result.value = i.result || '';
    return postingForm(`report-${i.id}`, `/api/v1/cases/${id}/interventions/${i.id}/status`, [
      field(`report-status-${i.id}`, t('case.status'), status),
      field(`report-result-${i.id}`, t('case.result'), result),
    ], () => ({status: status.value, ...(result.value ? {result: result.value} : {})}), redraw,
    {title: t('form.report', {what: i.description})});
  });
}
