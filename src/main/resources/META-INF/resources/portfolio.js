// The portfolio: triage first, filters that keep their focus, cards on a phone, a CSV to share.

import { api, download, mayRecord } from './api.js';
import { h, heading, statusBadge, severityBadge, dimensionBars, select, announce } from './dom.js';
import { STATUS_TEXT, alertCodes, alertLabel, words, today, day } from './words.js';

const SORTS = [['attention', 'Needs attention first'], ['name', 'Name'], ['-overall', 'Overall, highest first'],
  ['overall', 'Overall, lowest first']];
const TYPES = ['SECONDMENT', 'COOPERATIVE', 'COORDINATED', 'COLLABORATIVE'];
const FILTERS = ['status', 'type', 'alert', 'sort', 'asOf'];

function filtersFrom(params) {
  const f = { status: '', type: '', alert: '', sort: 'attention', asOf: '' };
  for (const key of FILTERS) if (params.get(key)) f[key] = params.get(key);
  return f;
}

function query(f) {
  const q = new URLSearchParams();
  for (const key of FILTERS) if (f[key]) q.set(key, f[key]);
  return q;
}

/** One line for the most severe alert, in words, coloured by severity; how many more beside it. */
function alertLine(item, labels) {
  const top = item.mostSevereAlert;
  if (!top) return h('span', { class: 'muted' }, 'No alerts');
  const more = item.alerts.length - 1;
  return h('span', { class: 'alert-line', 'data-code': top.code },
    severityBadge(top.severity, top.label || alertLabel(labels, top.code)),
    more > 0 ? h('span', { class: 'muted' }, ` and ${more} more`) : null);
}

function overallCell(item) {
  if (item.status === 'NOT_ENOUGH_DATA' || item.overall === null || item.overall === undefined) {
    return h('span', { class: 'muted no-score' }, 'No score yet');
  }
  return h('span', { class: 'overall-score' }, String(item.overall));
}

function row(item, labels) {
  const scored = item.status !== 'NOT_ENOUGH_DATA';
  return h('tr', { 'data-id': item.id, 'data-status': item.status },
    h('th', { scope: 'row', 'data-label': 'Partnership' }, h('a', { href: `#/p/${item.id}` }, item.name)),
    h('td', { 'data-label': 'Status', class: 'status-cell' }, statusBadge(item.status)),
    h('td', { 'data-label': 'Most severe alert', class: 'alert-cell' }, alertLine(item, labels)),
    h('td', { 'data-label': 'Overall', class: 'overall' }, overallCell(item)),
    h('td', { 'data-label': 'Dimensions', class: 'dimensions-cell' },
      scored ? dimensionBars(item.scores) : h('span', { class: 'muted' }, 'Scored once there is enough to go on')),
    h('td', { 'data-label': 'Type', class: 'type-cell' }, words(item.partnershipType)));
}

export async function renderPortfolio(main, params) {
  const f = filtersFrom(params);
  const labels = await alertCodes();
  const paging = { cursors: [null], page: 0 };
  const results = h('div', { id: 'results', 'aria-live': 'polite', 'aria-busy': 'false' });

  const refilter = (key) => (e) => {
    f[key] = e.target.value;
    paging.cursors = [null];
    paging.page = 0;
    history.replaceState(null, '', `#/?${query(f)}`);
    load();
  };
  const filters = h('form', { class: 'filters card', id: 'filters', 'aria-label': 'Filter and sort',
    onsubmit: (e) => e.preventDefault() },
  select('sort', 'Order', SORTS, f.sort, refilter('sort')),
  select('filter-status', 'Status', [['', 'Any'], ...Object.entries(STATUS_TEXT)], f.status, refilter('status')),
  select('filter-alert', 'Alert', [['', 'Any'], ...[...labels.entries()].map(([code, label]) => [code, label])],
    f.alert, refilter('alert')),
  select('filter-type', 'Kind of partnership', [['', 'Any'], ...TYPES.map((t) => [t, words(t)])], f.type, refilter('type')),
  h('div', { class: 'field' }, h('label', { for: 'portfolio-as-of' }, 'As of'),
    h('input', { id: 'portfolio-as-of', type: 'date', value: f.asOf, max: today(), onchange: refilter('asOf') })));

  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'export-csv', onclick: async () => {
    try {
      await download(`/partnerships?${query(f)}`, 'text/csv', `rapport-portfolio-${today()}.csv`);
      announce('The portfolio was downloaded as a CSV file.');
    } catch (e) {
      announce(`The export failed: ${e.message}`);
    }
  } }, 'Download as CSV (spreadsheet)');

  async function load() {
    results.setAttribute('aria-busy', 'true');
    const q = query(f);
    q.set('limit', '20');
    const cursor = paging.cursors[paging.page];
    if (cursor) q.set('cursor', cursor);
    let page;
    try {
      page = await api(`/partnerships?${q}`);
    } catch (e) {
      results.replaceChildren(h('p', { class: 'problem', role: 'alert' }, e.message));
      results.setAttribute('aria-busy', 'false');
      return;
    }
    const caption = `Partnerships you may see${f.asOf ? `, as they stood on ${day(f.asOf)}` : ''}`
      + `${f.sort === 'attention' ? ', those needing attention first' : ''}`;
    const table = h('table', { id: 'portfolio', class: 'portfolio' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ['Partnership', 'Status', 'Most severe alert', 'Overall', 'Dimensions', 'Kind']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, page.items.length === 0
        ? h('tr', {}, h('td', { colspan: 6 }, 'No partnership matches these filters.'))
        : page.items.map((item) => row(item, labels))));
    const pager = h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', id: 'prev-page', disabled: paging.page === 0,
        onclick: () => { paging.page -= 1; load(); } }, 'Previous page'),
      h('span', {}, `Page ${paging.page + 1}`),
      h('button', { type: 'button', class: 'secondary', id: 'next-page', disabled: !page.next,
        onclick: () => { paging.cursors[paging.page + 1] = page.next; paging.page += 1; load(); } }, 'Next page'));
    results.replaceChildren(table, pager);
    results.setAttribute('aria-busy', 'false');
  }

  main.replaceChildren(heading('Portfolio'),
    h('div', { class: 'page-actions no-print' }, exportButton,
      mayRecord() ? h('a', { href: '#/new', class: 'button-link', id: 'form-partnership' }, 'Form a partnership') : null),
    filters, results);
  await load();
  return 'Portfolio';
}
