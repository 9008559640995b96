// The evaluation figures (GET /api/v1/stats, coordinator and auditor) for a
// period the user picks (the last twelve months at first). The page draws
// whatever figures the server sends: a group of numbers becomes a
// bar chart with its table; a route that is not there yet shows "not available".
import {api} from './api.js';
import {problemText} from './feedback.js';
import {fill, h, takeView} from './dom.js';
import {t, tOr} from './i18n.js';
import {barChart, stackedChart} from './chart.js';

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
  const overTime = h('section', {id: 'tracks-over-time'});
  fill(view, h('h1', {}, t('figures.title')), chosen.form, overTime, figureGroup(figures, 2));
  if (figures.reports?.decided) showTracksOverTime(overTime, shown, chosen.from(), chosen.to());
}

// The months of [from, to] (the last twelve at most), each as its first and last day.
function monthsOf(from, to) {
  const months = [];
  let start = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (start <= end) {
    const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const last = new Date(next.getTime() - 86400000);
    months.push({label: isoDay(start).slice(0, 7),
      from: isoDay(start < new Date(`${from}T00:00:00Z`) ? new Date(`${from}T00:00:00Z`) : start),
      to: isoDay(last > end ? end : last)});
    start = next;
  }
  return months.slice(-12);
}

// Tracks over time: the triage team's decisions per track, month by month, one
// request per month (each is a figure query of its own), drawn as stacked bars
// with the table of numbers below. Progress is shown while the months load.
async function showTracksOverTime(section, shown, from, to) {
  const heading = h('h2', {}, t('figures.tracks_over_time'));
  const months = monthsOf(from, to);
  const rows = [];
  for (const [i, month] of months.entries()) {
    if (!shown()) return;
    fill(section, heading, h('p', {role: 'status'}, t('figures.loading_months', {done: i, total: months.length})));
    try {
      const answer = await api('GET', `/api/v1/stats?${new URLSearchParams({from: month.from, to: month.to})}`);
      const decided = answer.reports?.decided ?? {};
      rows.push({label: month.label, parts: ['1', '2', '3'].map((track) => Number(decided[track] ?? 0))});
    } catch (error) {
      if (shown()) fill(section, heading, h('p', {class: 'notice'}, problemText(error)));
      return;
    }
  }
  if (!shown()) return;
  const series = ['1', '2', '3'].map((track) => t('track.long', {track}));
  const summary = rows.map((r) => `${r.label}: ${r.parts.join(' / ')}`).join('; ');
  fill(section, heading, h('figure', {}, stackedChart(rows, series, `${t('figures.tracks_over_time')}: ${summary}`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('figures.month')),
      series.map((name) => h('th', {scope: 'col'}, name)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, h('th', {scope: 'row'}, r.label), r.parts.map((n) => h('td', {}, String(n)))))))));
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
