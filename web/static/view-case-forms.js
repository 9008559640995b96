// The case manager's forms on the case page: a round table, a goal of the
// plan, a screening and a contact. Each posts one record, then the page is
// drawn again from the server (which checks everything again).
import {field, postingForm} from './form-kit.js';
import {h} from './dom.js';
import {t, tOr} from './i18n.js';
import {organisationName} from './names.js';

const factors = ['housing', 'income', 'health', 'addiction', 'day_activities', 'education', 'network',
  'bond_with_children', 'safety'];

export function workForms(id, answer, redraw) {
  const base = `/api/v1/cases/${id}`;
  const members = answer.members || [];
  const heldOn = h('input', {id: 'meeting-date', type: 'date', required: true, value: new Date().toISOString().slice(0, 10)});
  const decisions = h('textarea', {id: 'meeting-decisions', required: true, maxlength: 20000, rows: 3});
  const participants = members.map((m) => h('input', {type: 'checkbox', id: `participant-${m}`, value: m, checked: true}));
  const goal = h('input', {id: 'goal-text', required: true, maxlength: 2000});
  const kind = h('select', {id: 'screening-kind'}, ['risk', 'plan_start', 'closing'].map((k) =>
    h('option', {value: k}, tOr(`screening.${k}`, k))));
  const scores = factors.map((f) => h('input', {id: `score-${f}`, type: 'number', min: 0, max: 4, step: 1, inputmode: 'numeric'}));
  const channel = h('select', {id: 'contact-channel'}, ['call', 'letter', 'visit', 'meeting'].map((c) =>
    h('option', {value: c}, tOr(`value.${c}`, c))));
  const outcome = h('select', {id: 'contact-outcome'}, ['reached', 'not_reached', 'refused'].map((o) =>
    h('option', {value: o}, tOr(`value.${o}`, o))));
  return [
    postingForm('meeting', `${base}/meetings`, [
      field('meeting-date', t('form.held_on'), heldOn),
      field('meeting-decisions', t('form.decisions'), decisions),
      participants.length ? h('fieldset', {}, h('legend', {}, t('form.participants')),
        participants.map((box, i) => h('div', {}, box, h('label', {for: box.id}, organisationName(answer, members[i]))))) : null,
    ], () => ({held_on: heldOn.value, decisions: decisions.value,
      participants: participants.filter((b) => b.checked).map((b) => Number(b.value))}), redraw),
    postingForm('goal', `${base}/goals`, [field('goal-text', t('form.goal_text'), goal)], () => ({text: goal.value}), redraw),
    postingForm('screening', `${base}/screenings`, [
      field('screening-kind', t('form.kind'), kind),
      h('fieldset', {}, h('legend', {}, t('form.scores')),
        scores.map((input, i) => field(input.id, tOr(`factor.${factors[i]}`, factors[i]), input))),
    ], () => ({kind: kind.value, scores: Object.fromEntries(scores.map((s, i) => [factors[i], s.value])
      .filter(([, v]) => v !== '').map(([f, v]) => [f, Number(v)]))}), redraw),
    postingForm('contact', `${base}/contacts`, [
      field('contact-channel', t('form.channel'), channel), field('contact-outcome', t('form.outcome'), outcome),
    ], () => ({channel: channel.value, outcome: outcome.value}), redraw),
  ];
}
