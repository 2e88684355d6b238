// Building the page: elements, badges and the live announcements a screen reader hears.

import { STATUS_TEXT, SEVERITY_TEXT, band, BAND_TEXT, DIMENSIONS, capitalise } from './words.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Nodes side by side, a space between each two. */
export function spaced(nodes) {
  return nodes.flatMap((node, i) => (i === 0 ? [node] : [' ', node]));
}

export function announce(message) {
  const live = document.getElementById('announce');
  live.textContent = '';
  // A fresh text node after a tick, so the same message twice is announced twice.
  setTimeout(() => { live.textContent = message; }, 50);
}

export function statusBadge(status) {
  const s = status || 'NONE';
  return h('span', { class: `status ${s}`, 'data-status': s }, STATUS_TEXT[s] || 'Not yet assessed');
}

export function severityBadge(severity, text) {
  return h('span', { class: `severity ${severity}`, 'data-severity': severity },
    h('span', { class: 'severity-word' }, `${SEVERITY_TEXT[severity] || severity}:`), ' ', text);
}

/** Six bars, each coloured by the band its score falls in, with the score in words beside it. */
export function dimensionBars(scores) {
  return h('div', { class: 'bars' }, DIMENSIONS.map((d) => {
    const score = scores ? scores[d] : null;
    const b = band(score);
    return h('div', { class: `bar-row band-${b}`, 'data-dimension': d, 'data-band': b },
      h('span', {}, score === null || score === undefined ? `${capitalise(d)}: not yet scored` : `${capitalise(d)} ${score}`),
      h('div', { class: 'track', 'aria-hidden': 'true', title: BAND_TEXT[b] },
        h('div', { class: 'fill', style: `width:${score || 0}%` })));
  }));
}

/** A page's heading, focused once the page is drawn, and the tab's title to match. */
export function heading(text, attrs = {}) {
  return h('h1', { tabindex: '-1', class: 'page-heading', ...attrs }, text);
}

export function select(id, text, options, value, onchange, attrs = {}) {
  return h('div', { class: 'field' },
    h('label', { for: id }, text),
    h('select', { id, onchange, ...attrs }, options.map(([v, t]) => h('option', { value: v, selected: v === value }, t))));
}
