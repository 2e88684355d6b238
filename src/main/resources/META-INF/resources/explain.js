// How a health answer explains itself: reasons with their points, each score's basis, next steps.

import { h, spaced } from './dom.js';
import { capitalise } from './words.js';

const CHANGE_KIND = { ADJUSTMENT: 'adjustment', BLEND: 'blend', CAP: 'cap' };

function round1(x) {
  return String(Math.round(x * 10) / 10);
}

/** A signed number of points, with a true minus sign. */
export function signed(x) {
  const r = Math.round(x * 10) / 10;
  return r > 0 ? `+${r}` : r < 0 ? `\u2212${-r}` : '0';
}

/** "8.8 of 12.5" for a term or an expected item, "\u22126 (blend)" for what moved the score. */
export function reasonPoints(r) {
  const text = r.possible === null || r.possible === undefined || CHANGE_KIND[r.kind]
    ? `${signed(r.earned)} (${CHANGE_KIND[r.kind] || 'change'})`
    : `${round1(r.earned)} of ${round1(r.possible)}`;
  return h('span', { class: 'points', title: 'points on the dimension\'s 0-100 scale' }, text);
}

/** What a score rests on, in words: a missing record is something to record, not a failure. */
export function basisTag(basis) {
  if (basis === 'OBSERVED') return h('p', { class: 'basis observed', 'data-basis': basis }, 'Rests on what was recorded');
  if (basis === 'MISSING_RECORDS') {
    return h('p', { class: 'basis missing', 'data-basis': basis }, 'Rests mostly on records not yet made');
  }
  return null;
}

export function statusReasons(reasons) {
  if (!reasons || reasons.length === 0) return null;
  return h('div', { class: 'status-why' }, h('p', { id: 'status-why' }, 'Why this status:'),
    h('ul', { id: 'status-reasons', 'aria-labelledby': 'status-why' }, reasons.map((r) => h('li', {}, capitalise(r)))));
}

const RECORD_WORDS = {
  agreement: 'an agreement', forum: 'an all-partner forum', chair: 'a chair or facilitator',
  capability: 'a capability assessment', 'measures-defined': 'measures of success', 'single-goal': 'one shared goal',
};

/** An alert code as its label; a term's rule as the record expected. */
function addressed(what, alertLabel) {
  return /^[A-Z_]+$/.test(what) ? h('span', { class: 'tag alert-tag', 'data-code': what }, alertLabel(what))
    : h('span', { class: 'tag missing', 'data-rule': what }, `missing record: ${RECORD_WORDS[what] || what.replace(/-/g, ' ')}`);
}

export function nextStepList(steps, alertLabel) {
  if (steps.length === 0) {
    return h('p', { class: 'card', id: 'next-steps' }, 'Nothing to suggest: no open alert or missing record has a remedy to record.');
  }
  return h('ol', { class: 'next-steps', id: 'next-steps', 'aria-labelledby': 'next-steps-heading' }, steps.map((s) => {
    const gains = [];
    if (s.overallGain) gains.push(`${signed(s.overallGain)} overall`);
    if (s.dimensionGain) gains.push(`${signed(s.dimensionGain)} ${s.dimension}`);
    return h('li', { class: 'card next-step' },
      h('p', { class: 'step-text' }, s.text),
      h('p', { class: 'gains' }, gains.length ? `Would gain ${gains.join(', ')}` : 'No change to the scores today'),
      h('p', { class: 'addresses' }, 'Addresses: ', spaced((s.addresses || []).map((a) => addressed(a, alertLabel)))));
  }));
}
