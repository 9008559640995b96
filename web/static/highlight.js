// The narrative as text nodes with the instrument's matched words in <mark>:
// built from text, so a narrative can never inject markup.
import {h} from './dom.js';

// `cues`: [{matched, negated}]; returns a <p> with the hits marked.
export function highlightedNarrative(narrative, cues) {
  const lower = narrative.toLowerCase();
  const spans = [];
  for (const cue of cues) {
    const needle = (cue.matched || '').toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
      spans.push({from: at, to: at + needle.length, negated: Boolean(cue.negated)});
  }
  spans.sort((a, b) => a.from - b.from || b.to - a.to);
  const paragraph = h('p', {class: 'narrative'});
  let position = 0;
  for (const span of spans) {
    if (span.from < position) continue;  // overlapping hit: the first one wins
    paragraph.append(narrative.slice(position, span.from));
    paragraph.append(h('mark', {class: span.negated ? 'negated' : 'hit'}, narrative.slice(span.from, span.to)));
    position = span.to;
  }
  paragraph.append(narrative.slice(position));
  return paragraph;
}
