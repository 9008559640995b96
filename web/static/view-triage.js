// The triage desk: the queue (oldest first, with the clock since the report)
// and one report with the proposal, fired rules, evidence and family history.
// Keys: 1/2/3 decide, C confirms a lowering (four eyes), J/K next/previous.
import {api} from './api.js';
import {announce, problemText} from './feedback.js';
import {facts, fill, h} from './dom.js';
import {elapsedSince, formatDate, formatDateTime, t, tOr} from './i18n.js';
import {highlightedNarrative} from './highlight.js';

let keyHandler = null;

export async function showTriage(view, user, reportId) {
  view.dataset.screen = 'triage';
  const queuePanel = h('section', {class: 'queue', 'aria-labelledby': 'queue-title'});
  const reportPanel = h('section', {class: 'report', 'aria-labelledby': 'report-title', id: 'report-panel'});
  fill(view, h('h1', {}, t('triage.title')), h('p', {class: 'hint'}, t('triage.keys')),
    h('div', {class: 'split'}, queuePanel, reportPanel));
  let queue;
  try {
    queue = (await api('GET', '/api/v1/triage/queue?limit=200')).reports;
  } catch (error) {
    fill(queuePanel, h('p', {class: 'error'}, problemText(error)));
    return;
  }
  renderQueue(queuePanel, queue, reportId);
  const current = reportId && queue.some((r) => r.id === reportId) ? reportId : queue[0]?.id;
  if (current && current !== reportId) {
    history.replaceState(null, '', `#/triage/${current}`);
  }
  setKeys(view, queue, current);
  if (current) {
    await showReport(reportPanel, current);
    reportPanel.querySelector('#report-title')?.focus();
  }
  else fill(reportPanel, h('h2', {id: 'report-title'}, t('triage.empty')));
}

function renderQueue(panel, queue, selected) {
  const rows = queue.map((r) => h('tr', {'aria-current': r.id === selected ? 'true' : undefined},
    h('td', {}, h('a', {href: `#/triage/${r.id}`}, r.external_ref)),
    h('td', {}, r.police_zone),
    h('td', {}, t('track.short', {track: r.proposed_track})),
    h('td', {}, h('time', {datetime: r.reported_at}, elapsedSince(r.reported_at))),
    h('td', {}, r.awaiting_confirmation ? t('triage.awaiting') : '')));
  fill(panel, h('h2', {id: 'queue-title'}, t('triage.queue', {count: queue.length})),
    h('table', {},
      h('caption', {class: 'visually-hidden'}, t('triage.queue_caption')),
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, t('triage.ref')), h('th', {scope: 'col'}, t('triage.zone')),
        h('th', {scope: 'col'}, t('triage.proposed')), h('th', {scope: 'col'}, t('triage.waiting')),
        h('th', {scope: 'col'}, t('triage.status')))),
      h('tbody', {}, rows)));
}

async function showReport(panel, id) {
  let report;
  try {
    report = await api('GET', `/api/v1/reports/${id}`);
  } catch (error) {
    fill(panel, h('p', {class: 'error'}, problemText(error)));
    return;
  }
  panel.dataset.report = String(id);
  const proposal = report.proposal || {};
  const cues = proposal.narrative_cues || [];
  fill(panel,
    h('h2', {id: 'report-title', tabindex: '-1'}, t('triage.report', {ref: report.external_ref})),
    facts([
      [t('triage.zone'), report.police_zone],
      [t('triage.reported_at'), formatDateTime(report.reported_at)],
      [t('triage.incident_at'), formatDateTime(report.incident_at)],
      [t('triage.relationship'), report.relationship && tOr(`relationship.${report.relationship}`, report.relationship)],
      [t('triage.violence'), report.violence?.map((v) => tOr(`violence.${v}`, v)).join(', ')],
      [t('triage.measures'), measuresText(report.measures)],
    ]),
    personsList(report.persons),
    proposalBlock(proposal),
    report.narrative ? h('section', {'aria-labelledby': 'narrative-title'},
      h('h3', {id: 'narrative-title'}, t('triage.narrative')), highlightedNarrative(report.narrative, cues)) : null,
    historyBlock(report.history),
    decisionBlock(report));
}

function measuresText(measures) {
  if (!measures) return undefined;
  const parts = [];
  if (measures.restraining_order)
    parts.push(t('measure.restraining_order', {from: formatDate(measures.restraining_order.from),
      until: formatDate(measures.restraining_order.until)}));
  if (measures.arrest) parts.push(t('measure.arrest'));
  if (measures.red_file) parts.push(t('measure.red_file'));
  return parts.length ? parts.join('; ') : t('measure.none');
}

function personsList(persons) {
  if (!persons?.length) return null;
  return h('section', {'aria-labelledby': 'persons-title'}, h('h3', {id: 'persons-title'}, t('triage.persons')),
    h('ul', {}, persons.map((p) => h('li', {},
      [tOr(`family_role.${p.role}`, p.role), ': ', [p.first_name, p.last_name].filter(Boolean).join(' '),
        p.birth_date ? ` (${formatDate(p.birth_date)})` : '']))));
}

function proposalBlock(proposal) {
  if (proposal.track === undefined) return null;
  return h('section', {'aria-labelledby': 'proposal-title', class: 'proposal'},
    h('h3', {id: 'proposal-title'}, t('triage.proposal', {track: proposal.track})),
    facts([[t('triage.score'), proposal.score], [t('triage.risk'), proposal.risk_level],
      [t('triage.instrument'), proposal.instrument], [t('triage.unknowns'), proposal.unknowns]]),
    h('h4', {}, t('triage.rules')),
    proposal.rules?.length ? h('ul', {class: 'rules'}, proposal.rules.map((rule) => h('li', {},
      h('strong', {}, tOr(`rule.${rule.id}`, rule.id)), ' → ', t('track.short', {track: rule.track}),
      h('ul', {}, (rule.evidence || []).map((e) => h('li', {},
        tOr(`item.${e.item}`, e.item), ' (', tOr(`source.${e.source}`, e.source), ')',
        e.detail ? [': ', h('q', {}, e.detail)] : null)))))) : h('p', {}, t('triage.no_rules')),
    proposal.narrative_cues?.length ? [h('h4', {}, t('triage.cues')),
      h('ul', {class: 'cues'}, proposal.narrative_cues.map((c) => h('li', {},
        tOr(`item.${c.item}`, c.item), ': ', h('q', {}, c.matched), c.negated ? ` (${t('triage.negated')})` : '')))] : null,
    proposal.disagreements?.length ? [h('h4', {}, t('triage.disagreements')),
      h('ul', {}, proposal.disagreements.map((d) => h('li', {},
        t('triage.disagreement', {item: tOr(`item.${d.item}`, d.item), field: d.field, narrative: d.narrative}),
        d.matched ? [' ', h('q', {}, d.matched)] : null)))] : null);
}

function historyBlock(history) {
  if (!history) return null;
  return h('section', {'aria-labelledby': 'history-title'}, h('h3', {id: 'history-title'}, t('triage.history')),
    facts([
      [t('triage.reports_12_months'), history.reports_last_12_months],
      [t('triage.earlier_tracks'), history.earlier_tracks?.length ? history.earlier_tracks.join(', ') : t('triage.none')],
      [t('triage.open_case'), history.open_case !== undefined
        ? h('a', {href: `#/cases/${history.open_case}`}, `#${history.open_case}`) : undefined],
    ]));
}

function decisionBlock(report) {
  const proposed = report.proposal?.track;
  const reason = h('textarea', {id: 'reason', maxlength: 2000, rows: 3, 'aria-describedby': 'reason-hint'});
  const reasonArea = h('div', {class: 'reason', hidden: true},
    h('label', {for: 'reason'}, t('triage.reason')), reason,
    h('p', {id: 'reason-hint', class: 'hint'}, t('triage.reason_hint')));
  const message = h('p', {id: 'decision-message', role: 'alert'});
  const block = h('section', {'aria-labelledby': 'decide-title', class: 'decide'}, h('h3', {id: 'decide-title'}, t('triage.decide')));
  let pending = null;
  const decide = async (track) => {
    if (track !== proposed && !reason.value.trim()) {
      pending = track;
      reasonArea.hidden = false;
      message.textContent = t('triage.reason_needed', {track});
      reason.focus();
      return;
    }
    await submit(report, {track, reason: reason.value.trim() || undefined}, message);
  };
  reason.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && pending) {
      event.preventDefault();
      decide(pending);
    } else if (event.key === 'Escape') {
      reasonArea.hidden = true;
      pending = null;
      document.getElementById('report-title')?.focus();
    }
  });
  if (report.decision?.awaiting_confirmation) {
    block.append(h('p', {}, t('triage.awaiting_detail', {track: report.decision.track})),
      report.decision.reason ? h('p', {}, t('triage.given_reason'), ' ', h('q', {}, report.decision.reason)) : null,
      h('button', {type: 'button', id: 'confirm', 'aria-keyshortcuts': 'C', onclick: () => confirm(report, message)},
        t('triage.confirm')));
  } else {
    block.append(h('div', {class: 'tracks'}, [1, 2, 3].map((track) => h('button', {
      type: 'button', 'data-track': track, 'aria-keyshortcuts': String(track),
      class: track === proposed ? 'proposed' : undefined, onclick: () => decide(track),
    }, t('triage.decide_track', {track}), track === proposed ? ` (${t('triage.as_proposed')})` : ''))), reasonArea);
  }
  block.append(message);
  block.decide = decide;
  return block;
}

async function submit(report, body, message) {
  try {
    const outcome = await api('POST', `/api/v1/reports/${report.id}/decision`, body);
    afterDecision(outcome, message);
  } catch (error) {
    message.textContent = problemText(error);
  }
}

async function confirm(report, message) {
  try {
    afterDecision(await api('POST', `/api/v1/reports/${report.id}/confirmation`), message);
  } catch (error) {
    message.textContent = problemText(error);
  }
}

function afterDecision(outcome, message) {
  const text = outcome.awaiting_confirmation ? t('triage.sent_for_confirmation')
    : outcome.case ? t('triage.case_opened', {case: outcome.case}) : t('triage.decided');
  announce(text);
  message.textContent = text;
  // On to the next report, oldest first.
  if (location.hash === '#/triage') window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = '#/triage';
}

function setKeys(view, queue, current) {
  if (keyHandler) document.removeEventListener('keydown', keyHandler);
  keyHandler = (event) => {
    if (view.dataset.screen !== 'triage' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest?.('input, textarea, select')) return;
    const index = queue.findIndex((r) => r.id === current);
    const go = (i) => {
      if (queue[i]) location.hash = `#/triage/${queue[i].id}`;
    };
    const block = view.querySelector('.decide');
    if (['1', '2', '3'].includes(event.key) && block?.decide && !view.querySelector('#confirm')) {
      event.preventDefault();
      block.decide(Number(event.key));
    } else if (event.key.toLowerCase() === 'c' && view.querySelector('#confirm')) {
      event.preventDefault();
      view.querySelector('#confirm').click();
    } else if (event.key.toLowerCase() === 'j') go(index + 1);
    else if (event.key.toLowerCase() === 'k') go(index - 1);
  };
  document.addEventListener('keydown', keyHandler);
}
