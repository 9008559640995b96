// The case manager's consent ledger on the case page: the family's consents,
// a form to record one (a family member agrees that a category of data may
// go to an organisation until a date) and a button to revoke a live one (it
// ends at once). Every check is the server's; the page is drawn again after.
import {api} from './api.js';
import {announce, problemText} from './feedback.js';
import {field, postingForm, select} from './form-kit.js';
import {h} from './dom.js';
import {formatDate, t, tOr} from './i18n.js';
import {organisationName, personName} from './names.js';

// The categories a consent may name (the audit trail is never shared).
const categories = ['identity', 'safe_address', 'incident', 'judicial', 'risk', 'care_notes', 'action_plan', 'round_table'];

// The last day a consent holds: the server keeps the instant it ends (the start of the next day, UTC).
function lastDay(validUntil) {
  const end = Date.parse(validUntil);
  return Number.isNaN(end) ? validUntil : new Date(end - 1).toISOString().slice(0, 10);
}

function describe(answer, k) {
  return [personName(answer, k.person), ' → ', organisationName(answer, k.organisation), ': ',
    tOr(`category.${k.category}`, k.category.replaceAll('_', ' ')), ' — ', t('case.consent_until', {date: formatDate(lastDay(k.valid_until))}),
    k.live ? '' : [' (', t('case.consent_ended'), ')']];
}

// The list; with `redraw` (the case manager, on an open case) a live consent gets a revoke button.
export function consentList(id, answer, redraw) {
  const message = h('div', {role: 'alert', class: 'error', id: 'consent-revoke-message'});
  const revoke = (k) => h('button', {type: 'button', class: 'revoke', 'data-consent': k.id, onclick: async () => {
    message.replaceChildren();
    try {
      await api('POST', `/api/v1/cases/${id}/consents/${k.id}/revoke`, {});
      announce(t('consent.revoked'));
      await redraw();
    } catch (error) {
      message.textContent = problemText(error);
    }
  }}, t('consent.revoke'));
  return [h('ul', {}, answer.consents.map((k) => h('li', {}, describe(answer, k),
    redraw && k.live ? [' ', revoke(k)] : null))), redraw ? message : null];
}

export function consentForm(id, answer, redraw) {
  const person = select('consent-person', (answer.family || []).map((p) => [p.id, personName(answer, p.id)]));
  const organisations = Object.keys(answer.names?.organisations || {}).map(Number);
  const organisation = select('consent-organisation', organisations.map((o) => [o, organisationName(answer, o)]));
  const category = select('consent-category', categories.map((c) => [c, tOr(`category.${c}`, c)]));
  const nextYear = new Date();
  nextYear.setFullYear(nextYear.getFullYear() + 1);
  const until = h('input', {id: 'consent-until', type: 'date', required: true, value: nextYear.toISOString().slice(0, 10)});
  return postingForm('consent', `/api/v1/cases/${id}/consents`, [
    field('consent-person', t('consent.person'), person),
    field('consent-organisation', t('form.organisation'), organisation),
    field('consent-category', t('consent.category'), category),
    field('consent-until', t('consent.valid_until'), until),
  ], () => ({person: Number(person.value), organisation: Number(organisation.value), category: category.value,
    valid_until: until.value}), redraw, {title: t('consent.record')});
}
