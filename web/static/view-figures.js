// The evaluation figures (GET /api/v1/stats, coordinator and auditor) for a
// period the user picks (the last twelve months at first). The page draws
// whatever figures the server sends: a group of numbers becomes a
// bar chart with its table; a route that is not there yet shows "not available".
import {api} from './api.js';
import {problemText} from './feedback.js';
import {fill, h, takeView} from './dom.js';
import {t, tOr} from './i18n.js';
import {barChart} from './chart.js';

// The period asked for: the last twelve months unless the user picks
// another. Kept in the page only, never in the address.
const period = {from: null, to: null};

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function periodForm(view) {
  const today = new Date();
  const yearAgo = new Date(today);
  yearAgo.setFullYear(today.getFullYear() - 1);
  const from = h('input', {id: 'figures-from', type: 'date', required: true, value: period.from ?? isoDay(yearAgo)});
  const to = h('input', {id: 'figures-to', type: 'date', required: true, value: period.to ?? isoDay(today)});
  const form = h('form', {class: 'inline figures-period'},
    h('label', {for: 'figures-from'}, t('figures.from')), from,
    h('label', {for: 'figures-to'}, t('figures.to')), to,
    h('button', {type: 'submit'}, t('figures.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    period.from = from.value;
    period.to = to.value;
    showFigures(view);
  });
  return {form, from: () => from.value, to: () => to.value};
}

export async function showFigures(view) {
  view.dataset.screen = 'figures';
  const shown = takeView(view);
  const chosen = periodForm(view);
  fill(view, h('h1', {}, t('figures.title')), chosen.form, h('p', {}, t('app.loading')));
  let stats;
  try {
    const query = new URLSearchParams({from: chosen.from(), to: chosen.to()});
    stats = await api('GET', `/api/v1/stats?${query}`);
  } catch (error) {
    const text = error.status === 404 ? t('figures.not_available') : problemText(error);
    if (shown()) fill(view, h('h1', {}, t('figures.title')), chosen.form, h('p', {class: 'notice', id: 'figures-unavailable'}, text));
    return;
  }
  if (!shown()) return;
  // The query is echoed by the server; the form shows it already.
  const {query: _query, ...figures} = stats;
  fill(view, h('h1', {}, t('figures.title')), chosen.form, figureGroup(figures, 2));
}

const label = (key) => tOr(`figure.${key}`, key.replaceAll('_', ' '));

function figureGroup(object, level) {
  const numbers = Object.entries(object).filter(([, v]) => typeof v === 'number');
  const nested = Object.entries(object).filter(([, v]) => v && typeof v === 'object');
  const parts = [];
  if (numbers.length > 1) parts.push(numbersFigure(numbers));
  else if (numbers.length === 1) parts.push(h('p', {}, `${label(numbers[0][0])}: ${numbers[0][1]}`));
  for (const [key, value] of nested) {
    const heading = h(`h${Math.min(level, 6)}`, {}, label(key));
    if (Array.isArray(value)) parts.push(h('section', {}, heading, rowsTable(value)));
    else if (level < 5) parts.push(h('section', {}, heading, figureGroup(value, level + 1)));
  }
  return parts;
}

function numbersFigure(numbers) {
  const bars = numbers.map(([key, value]) => ({label: label(key), value: Math.max(0, value)}));
  return h('figure', {}, barChart(bars, bars.map((b) => `${b.label}: ${b.value}`).join('; ')),
    h('table', {}, h('tbody', {}, numbers.map(([key, value]) => h('tr', {}, h('th', {scope: 'row'}, label(key)), h('td', {}, String(value)))))));
}

function rowsTable(rows) {
  const columns = [...new Set(rows.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))];
  if (!columns.length) return h('p', {}, rows.map(String).join(', '));
  return h('table', {}, h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col'}, label(c))))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => {
      const v = r?.[c];
      return h('td', {}, v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    })))));
}
