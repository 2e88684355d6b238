// Rapport's dashboard: the portfolio and each partnership's health, built on the public REST API only.

const DIMENSIONS = ['trust', 'alignment', 'governance', 'sustainability', 'engagement', 'momentum'];
const STATUS_TEXT = {
  GREEN: 'Green: healthy', AMBER: 'Amber: needs attention', RED: 'Red: at risk',
  NOT_ENOUGH_DATA: 'Not enough data', PAUSED: 'Paused', CLOSED: 'Closed',
};
const STATUS_BAND = { GREEN: 'rgba(30,123,60,0.10)', AMBER: 'rgba(163,91,0,0.12)', RED: 'rgba(179,38,30,0.12)' };
const TOKEN_KEY = 'rapport.token';
const main = document.getElementById('main');
const portfolioState = { filters: { status: '', type: '', alert: '', sort: 'name' }, cursors: [null], page: 0 };
const seenAlerts = new Set();
let chart = null;

// --- small helpers -----------------------------------------------------------------------------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function announce(message) {
  document.getElementById('announce').textContent = message;
}

function label(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function statusBadge(status) {
  const s = status || 'NONE';
  return h('span', { class: `status ${s}`, 'data-status': s }, STATUS_TEXT[s] || 'Not yet assessed');
}

/** The roles the signed-in token claims (its signature is the server's business, not the page's). */
function roles() {
  try {
    const payload = sessionStorage.getItem(TOKEN_KEY).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)).groups || [];
  } catch (e) {
    return [];
  }
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function humanType(type) {
  return type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

class Problem extends Error {
  constructor(status, body) {
    super(body && (body.detail || body.title) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...options, headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (response.status === 401 && token) {
    sessionStorage.removeItem(TOKEN_KEY);
    announce('Your token was refused; sign in again.');
    route();
    throw new Problem(401, body);
  }
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

// --- sign-in -----------------------------------------------------------------------------------

function signIn(token) {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
  announce('Signed in.');
  location.hash = '#/';
  route();
}

async function renderSignIn() {
  const area = h('textarea', { id: 'token', rows: 4, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'token-help' });
  const devList = h('div', { class: 'dev-tokens', id: 'dev-tokens' });
  const form = h('form', { class: 'card', onsubmit: (e) => {
    e.preventDefault();
    if (area.value.trim()) signIn(area.value);
  } },
  h('label', { for: 'token' }, 'Bearer token'),
  area,
  h('p', { id: 'token-help', class: 'muted' }, 'Paste the token your organisation issued you. It is kept in this tab only.'),
  h('button', { class: 'primary', type: 'submit', id: 'sign-in' }, 'Sign in'));
  main.replaceChildren(h('h1', {}, 'Sign in'), form, devList);
  area.focus();
  try {
    const response = await fetch('/dev/tokens', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      const tokens = await response.json();
      devList.append(h('p', {}, 'Dev mode: sign in with one of the tokens it printed.'));
      for (const t of tokens) {
        devList.append(h('button', { type: 'button', class: 'secondary', 'data-label': t.label,
          onclick: () => signIn(t.token) }, `Sign in as ${t.label}`));
      }
    }
  } catch (e) { /* not dev mode */ }
}

// --- portfolio ---------------------------------------------------------------------------------

function dimensionBars(scores) {
  return h('div', { class: 'bars' }, DIMENSIONS.map((d) => {
    const score = scores ? scores[d] : null;
    const assessed = score !== null && score !== undefined;
    return h('div', { class: `bar-row${assessed ? '' : ' na'}`, 'data-dimension': d },
      h('span', {}, assessed ? `${label(d)} ${score}` : `${label(d)}: not yet assessed`),
      h('div', { class: 'track', 'aria-hidden': 'true' },
        h('div', { class: 'fill', style: `width:${assessed ? score : 0}%` })));
  }));
}

function select(id, text, options, value, onchange) {
  return h('div', {},
    h('label', { for: id }, text),
    h('select', { id, onchange }, options.map(([v, t]) => h('option', { value: v, selected: v === value }, t))));
}

async function renderPortfolio() {
  const f = portfolioState.filters;
  const refilter = (key) => (e) => {
    f[key] = e.target.value;
    portfolioState.cursors = [null];
    portfolioState.page = 0;
    renderPortfolio();
  };
  const alertInput = h('input', { id: 'filter-alert', list: 'alert-codes', value: f.alert,
    placeholder: 'e.g. NO_MEETING', onchange: refilter('alert') });
  const filters = h('form', { class: 'filters card', 'aria-label': 'Filter and sort', onsubmit: (e) => e.preventDefault() },
    select('filter-status', 'Status', [['', 'Any'], ...Object.entries(STATUS_TEXT)], f.status, refilter('status')),
    select('filter-type', 'Type', [['', 'Any'], ['SECONDMENT', 'Secondment'], ['COOPERATIVE', 'Cooperative'],
      ['COORDINATED', 'Coordinated'], ['COLLABORATIVE', 'Collaborative']], f.type, refilter('type')),
    h('div', {}, h('label', { for: 'filter-alert' }, 'Alert code'), alertInput,
      h('datalist', { id: 'alert-codes' }, [...seenAlerts].sort().map((c) => h('option', { value: c })))),
    select('sort', 'Sort by', [['name', 'Name'], ['-overall', 'Overall, highest first'],
      ['overall', 'Overall, lowest first']], f.sort, refilter('sort')));
  const body = h('tbody');
  const table = h('div', { class: 'table-wrap' }, h('table', { id: 'portfolio' },
    h('caption', { class: 'visually-hidden' }, 'Partnerships you may see'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partnership'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Type'),
      h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Overall'),
      h('th', { scope: 'col' }, 'Dimensions'), h('th', { scope: 'col' }, 'Alerts'))),
    body));
  const pager = h('div', { class: 'pager' });
  main.replaceChildren(h('h1', {}, 'Portfolio'), filters, table, pager);

  const query = new URLSearchParams({ limit: '20', sort: f.sort });
  for (const key of ['status', 'type', 'alert']) if (f[key]) query.set(key, f[key]);
  const cursor = portfolioState.cursors[portfolioState.page];
  if (cursor) query.set('cursor', cursor);
  let page;
  try {
    page = await api(`/partnerships?${query}`);
  } catch (e) {
    body.append(h('tr', {}, h('td', { colspan: 6, class: 'problem' }, e.message)));
    return;
  }
  if (page.items.length === 0) {
    body.append(h('tr', {}, h('td', { colspan: 6 }, 'No partnership matches.')));
  }
  for (const item of page.items) {
    item.alerts.forEach((a) => seenAlerts.add(a));
    body.append(h('tr', { 'data-id': item.id },
      h('td', {}, h('a', { href: `#/p/${item.id}` }, item.name)),
      h('td', { class: 'hide-narrow' }, label(item.partnershipType.toLowerCase())),
      h('td', { class: 'status-cell' }, statusBadge(item.status)),
      h('td', { class: 'overall' }, item.overall === null ? 'not yet assessed' : String(item.overall)),
      h('td', {}, dimensionBars(item.scores)),
      h('td', {}, item.alerts.length ? item.alerts.map((a) => h('span', { class: 'badge' }, a)) : 'none')));
  }
  pager.append(
    h('button', { type: 'button', class: 'secondary', id: 'prev-page', disabled: portfolioState.page === 0,
      onclick: () => { portfolioState.page -= 1; renderPortfolio(); } }, 'Previous page'),
    h('span', { 'aria-live': 'polite' }, `Page ${portfolioState.page + 1}`),
    h('button', { type: 'button', class: 'secondary', id: 'next-page', disabled: !page.next,
      onclick: () => {
        portfolioState.cursors[portfolioState.page + 1] = page.next;
        portfolioState.page += 1;
        renderPortfolio();
      } }, 'Next page'));
}

// --- one partnership -----------------------------------------------------------------------------

async function allEvents(id) {
  const events = [];
  let from = 1;
  for (let i = 0; i < 20; i++) {
    const page = await api(`/partnerships/${id}/events?fromVersion=${from}&limit=500`);
    events.push(...page.events);
    if (page.events.length < 500) break;
    from = page.next;
  }
  return events;
}

/** Nodes side by side, a space between each two. */
function spaced(nodes) {
  return nodes.flatMap((node, i) => (i === 0 ? [node] : [' ', node]));
}

function eventLinks(id, eventIds, asOf) {
  const ids = eventIds || [];
  if (ids.length === 0) return [];
  const links = ids.map((eid, i) => h('a', {
    href: `#/p/${id}?event=${eid}${asOf ? `&asOf=${asOf}` : ''}`, class: 'event-link', 'data-event': eid,
    onclick: (e) => { e.preventDefault(); highlight(eid); history.replaceState(null, '', e.currentTarget.getAttribute('href')); },
  }, ids.length === 1 ? 'the event' : `${i + 1}`));
  return h('span', { class: 'event-links' }, ids.length === 1 ? ' See ' : ' Events: ',
    spaced(links));
}

function highlight(eventId) {
  document.querySelectorAll('.timeline li.highlight').forEach((li) => li.classList.remove('highlight'));
  const item = document.getElementById(`ev-${eventId}`);
  if (!item) {
    announce('That event is not in the timeline shown.');
    return;
  }
  item.classList.add('highlight');
  item.scrollIntoView({ block: 'center' });
  item.focus();
}

function summary(event) {
  const d = event.data || {};
  switch (event.type) {
    case 'MeetingHeld':
      return `${label((d.kind || '').toLowerCase())} meeting, ${(d.attendees || []).length} attending`;
    case 'EventVoided':
      return `voided an event: ${d.reason || ''}`;
    default: {
      const detail = d.name || d.statement || d.orgId || d.goalId || d.fundingId || d.riskId || d.milestoneId || '';
      return detail ? String(detail) : '';
    }
  }
}

function drawChart(container, points) {
  container.setAttribute('data-points', String(points.length));
  if (!window.echarts || points.length === 0) {
    container.textContent = points.length === 0 ? 'No history yet.' : 'The chart library did not load.';
    return;
  }
  if (chart) chart.dispose();
  chart = window.echarts.init(container);
  const months = points.map((p) => p.asOf.slice(0, 10));
  const bands = [];
  let start = 0;
  for (let i = 1; i <= points.length; i++) {
    if (i === points.length || points[i].status !== points[start].status) {
      if (STATUS_BAND[points[start].status]) {
        bands.push([{ xAxis: months[start], itemStyle: { color: STATUS_BAND[points[start].status] },
          name: STATUS_TEXT[points[start].status] }, { xAxis: months[i - 1] }]);
      }
      start = i;
    }
  }
  // '-' is ECharts' missing value: a score not yet assessed is a gap, not a zero.
  const value = (v) => (v === null || v === undefined ? '-' : v);
  const series = [{ name: 'Overall', type: 'line', data: points.map((p) => value(p.overall)), lineStyle: { width: 4 },
    symbolSize: 7, markArea: { silent: true, label: { show: false }, data: bands } }];
  for (const d of DIMENSIONS) {
    series.push({ name: label(d), type: 'line', data: points.map((p) => value(p.scores[d])), lineStyle: { width: 1.5 },
      symbolSize: 4 });
  }
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 36, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', min: 0, max: 100 },
    series,
  });
  window.rapportChart = chart;
}

function dataTable(points) {
  return h('details', {}, h('summary', {}, 'The chart as a table'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'history-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Overall'), DIMENSIONS.map((d) => h('th', { scope: 'col' }, label(d))))),
      h('tbody', {}, points.map((p) => h('tr', {}, h('td', {}, p.asOf.slice(0, 10)),
        h('td', {}, STATUS_TEXT[p.status] || p.status), h('td', {}, p.overall ?? 'n/a'),
        DIMENSIONS.map((d) => h('td', {}, p.scores[d] ?? 'n/a'))))))));
}

function meetingForm(id, partnership) {
  const errors = {};
  const errorFor = (field) => {
    errors[field] = h('div', { class: 'field-error', 'data-field': field, id: `err-${field.replace(/[^a-z0-9]/gi, '-')}` });
    return errors[field];
  };
  const partners = partnership.partners || [];
  const rows = h('div', { id: 'attendees' });
  const addAttendee = () => {
    const i = rows.children.length;
    const prefix = `attendees[${i}]`;
    rows.append(h('div', { class: 'attendee', 'data-index': String(i) },
      h('div', {}, h('label', { for: `a-${i}-person` }, `Attendee ${i + 1}: reference`),
        h('input', { id: `a-${i}-person`, name: 'personRef', 'aria-describedby': `err-attendees-${i}--personRef` }),
        errorFor(`${prefix}.personRef`)),
      h('div', {}, h('label', { for: `a-${i}-org` }, 'Organisation'),
        h('select', { id: `a-${i}-org`, name: 'orgId' },
          partners.map((p) => h('option', { value: p.orgId, selected: p.orgId === (partners[i % Math.max(1, partners.length)] || {}).orgId },
            p.name || p.orgId)),
          h('option', { value: '' }, 'Independent')),
        errorFor(`${prefix}.orgId`)),
      h('div', {}, h('label', { for: `a-${i}-seniority` }, 'Seniority'),
        h('select', { id: `a-${i}-seniority`, name: 'seniority' },
          ['EXECUTIVE', 'DIRECTOR', 'MANAGER', 'STAFF'].map((s) => h('option', { value: s }, label(s.toLowerCase())))),
        errorFor(`${prefix}.seniority`)),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Remove attendee ${i + 1}`,
        onclick: (e) => { e.currentTarget.closest('.attendee').remove(); } }, 'Remove')));
  };
  addAttendee();
  addAttendee();
  const general = h('p', { class: 'problem', id: 'meeting-problem', role: 'alert' });
  const form = h('form', { id: 'meeting-form', class: 'card', novalidate: true, 'aria-labelledby': 'meeting-heading',
    onsubmit: async (e) => {
      e.preventDefault();
      Object.values(errors).forEach((el) => { el.textContent = ''; });
      general.textContent = '';
      const attendees = [...rows.querySelectorAll('.attendee')].map((row) => ({
        personRef: row.querySelector('[name=personRef]').value,
        orgId: row.querySelector('[name=orgId]').value || null,
        seniority: row.querySelector('[name=seniority]').value,
      }));
      const body = { type: 'MeetingHeld', occurredAt: form.querySelector('#m-date').value,
        format: form.querySelector('#m-format').value, kind: form.querySelector('#m-kind').value, attendees };
      try {
        await api(`/partnerships/${id}/events`, { method: 'POST', body });
        announce('Meeting recorded.');
        renderPartnership(id, new URLSearchParams(location.hash.split('?')[1] || ''), 'Meeting recorded.');
      } catch (problem) {
        const fieldErrors = (problem.body && problem.body.errors) || [];
        let placed = 0;
        for (const err of fieldErrors) {
          const target = errors[err.field];
          if (target) {
            target.textContent = err.message;
            placed++;
          }
        }
        if (placed < fieldErrors.length || fieldErrors.length === 0) general.textContent = problem.message;
        const first = form.querySelector('.field-error:not(:empty)');
        (first ? first.previousElementSibling : general).focus?.();
      }
    } },
  h('h2', { id: 'meeting-heading' }, 'Record a meeting'),
  h('div', { class: 'form-grid' },
    h('div', {}, h('label', { for: 'm-date' }, 'Date'), h('input', { id: 'm-date', type: 'date', value: today() }),
      errorFor('occurredAt')),
    h('div', {}, h('label', { for: 'm-format' }, 'Format'), h('select', { id: 'm-format' },
      ['IN_PERSON', 'VIRTUAL', 'HYBRID'].map((v) => h('option', { value: v }, label(v.toLowerCase().replace('_', ' '))))),
      errorFor('format')),
    h('div', {}, h('label', { for: 'm-kind' }, 'Kind'), h('select', { id: 'm-kind' },
      ['STEERING', 'BOARD', 'OPERATIONAL', 'WORKSHOP'].map((v) => h('option', { value: v }, label(v.toLowerCase())))),
      errorFor('kind'))),
  rows,
  errorFor('attendees'),
  h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'add-attendee', onclick: addAttendee }, 'Add attendee')),
  general,
  h('button', { type: 'submit', class: 'primary', id: 'm-submit' }, 'Record meeting'));
  return form;
}

// --- how a health answer explains itself ---------------------------------------------------------

const CHANGE_KIND = { ADJUSTMENT: 'adjustment', BLEND: 'blend', CAP: 'cap' };

function round1(x) {
  return String(Math.round(x * 10) / 10);
}

/** A signed number of points, with a true minus sign. */
function signed(x) {
  const r = Math.round(x * 10) / 10;
  return r > 0 ? `+${r}` : r < 0 ? `\u2212${-r}` : '0';
}

/** "8.8 of 12.5" for a term or an expected item, "\u22126 (blend)" for what moved the score. */
function reasonPoints(r) {
  const text = r.possible === null || r.possible === undefined || CHANGE_KIND[r.kind]
    ? `${signed(r.earned)} (${CHANGE_KIND[r.kind] || 'change'})`
    : `${round1(r.earned)} of ${round1(r.possible)}`;
  return h('span', { class: 'points', title: 'points on the dimension\'s 0-100 scale' }, text);
}

/** What a score rests on, in words: a missing record is something to record, not a failure. */
function basisTag(basis) {
  if (basis === 'OBSERVED') return h('p', { class: 'basis observed', 'data-basis': basis }, 'Rests on what was recorded');
  if (basis === 'MISSING_RECORDS') {
    return h('p', { class: 'basis missing', 'data-basis': basis }, 'Rests mostly on records not yet made');
  }
  return null;
}

function statusReasons(reasons) {
  if (reasons.length === 0) return null;
  return h('div', { class: 'status-why' }, h('p', { id: 'status-why' }, 'Why this status:'),
    h('ul', { id: 'status-reasons', 'aria-labelledby': 'status-why' }, reasons.map((r) => h('li', {}, label(r)))));
}

const RECORD_WORDS = {
  agreement: 'an agreement', forum: 'an all-partner forum', chair: 'a chair or facilitator',
  capability: 'a capability assessment', 'measures-defined': 'measures of success', 'single-goal': 'one shared goal',
};

/** An alert code as its badge, as in the alerts above; a term's rule as the record expected. */
function addressed(what) {
  return /^[A-Z_]+$/.test(what) ? h('span', { class: 'badge', 'data-code': what }, what)
    : h('span', { class: 'tag missing', 'data-rule': what }, `missing record: ${RECORD_WORDS[what] || what.replace(/-/g, ' ')}`);
}

function nextStepList(steps) {
  if (steps.length === 0) {
    return h('p', { class: 'card', id: 'next-steps' }, 'Nothing to suggest: no open alert or missing record has a remedy to record.');
  }
  return h('ol', { class: 'next-steps', id: 'next-steps', 'aria-labelledby': 'next-steps-heading' }, steps.map((s) => {
    const gains = [];
    if (s.overallGain) gains.push(`${signed(s.overallGain)} overall`);
    if (s.dimensionGain) gains.push(`${signed(s.dimensionGain)} ${s.dimension}`);
    return h('li', { class: 'card next-step' },
      h('p', { class: 'step-text' }, s.text),
      h('p', { class: 'gains' }, gains.length ? gains.join(', ') : 'no change to the scores today'),
      h('p', { class: 'addresses' }, 'Addresses: ', spaced((s.addresses || []).map(addressed))));
  }));
}

async function renderPartnership(id, params, message) {
  const asOf = params.get('asOf') || '';
  main.replaceChildren(h('p', { role: 'status' }, 'Loading...'));
  let partnership;
  let health;
  let events;
  try {
    [partnership, health, events] = await Promise.all([
      api(`/partnerships/${id}`),
      api(`/partnerships/${id}/health${asOf ? `?asOf=${asOf}` : ''}`),
      allEvents(id),
    ]);
  } catch (e) {
    main.replaceChildren(h('h1', {}, 'Partnership'), h('p', { class: 'problem' }, e.message));
    return;
  }
  // Monthly points ending on the day shown, back to the formation (two years at most).
  const to = asOf || today();
  const formed = partnership.formedOn || to;
  let from = to;
  for (let months = 1; months <= 24; months++) {
    const earlier = new Date(`${to}T00:00:00Z`);
    earlier.setUTCMonth(earlier.getUTCMonth() - months);
    const day = earlier.toISOString().slice(0, 10);
    if (day < formed) break;
    from = day;
  }
  let history = { points: [] };
  if (from <= to) {
    try {
      history = await api(`/partnerships/${id}/health/history?from=${from}&to=${to}&step=P1M`);
    } catch (e) {
      history = { points: [] };
    }
  }

  const asOfInput = h('input', { id: 'as-of', type: 'date', value: asOf, max: today() });
  const asOfForm = h('form', { class: 'asof card', 'aria-label': 'Time travel', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/p/${id}${asOfInput.value ? `?asOf=${asOfInput.value}` : ''}`;
  } },
  h('div', {}, h('label', { for: 'as-of' }, 'As of'), asOfInput),
  h('button', { type: 'submit', class: 'primary', id: 'apply-as-of' }, 'Show'),
  h('button', { type: 'button', class: 'secondary', id: 'as-of-today', onclick: () => { location.hash = `#/p/${id}`; } },
    'Today'));

  const chartBox = h('div', { id: 'chart', role: 'img',
    'aria-label': `Health by month from ${from} to ${to}: overall and the six dimensions; the background shades the status` });

  const dimensions = h('div', { class: 'dimensions', id: 'dimensions' }, DIMENSIONS.map((d) => {
    const dim = health.dimensions[d] || {};
    const assessed = dim.score !== null && dim.score !== undefined;
    const notAssessed = dim.notAssessed || [];
    return h('section', { class: 'card dimension', 'data-dimension': d, 'aria-labelledby': `dim-${d}` },
      h('h3', { id: `dim-${d}` }, label(d),
        h('span', { class: `big score${assessed ? '' : ' na'}` }, assessed ? String(dim.score) : 'not yet assessed')),
      basisTag(dim.basis),
      h('div', { class: 'muted' }, `Confidence: ${(dim.confidence || 'NONE').toLowerCase()}`),
      h('ul', { class: 'reasons' }, (dim.reasons || []).map((r) => h('li', { class: `reason kind-${r.kind}` },
        r.text, ' ', reasonPoints(r), r.kind === 'EXPECTED' ? [' ', h('span', { class: 'tag missing' }, 'missing record')] : null,
        eventLinks(id, r.eventIds, asOf)))),
      notAssessed.length === 0 ? null : h('ul', { class: 'reasons not-assessed-list' }, notAssessed.map((n) =>
        h('li', { class: 'not-assessed' }, `Not assessed (${n.rule}): ${n.why}`))));
  }));

  const alerts = h('ul', { class: 'alerts', id: 'alerts' }, health.alerts.length === 0 ? h('li', {}, 'No alerts.')
    : health.alerts.map((a) => h('li', { 'data-code': a.code },
      h('span', { class: 'badge' }, a.code), ` ${label(a.severity.toLowerCase())} severity, `,
      h('span', { class: 'since' }, `since ${a.since}`
        + (a.severitySince ? `, ${a.severity.toLowerCase()} since ${a.severitySince}` : '')), '. ',
      h('strong', {}, a.prompt), eventLinks(id, a.eventIds, asOf))));

  const nextSteps = nextStepList(health.nextSteps || []);

  // Newest first, by when it happened (the stream's order is the order of recording).
  const visible = (asOf ? events.filter((e) => e.occurredAt.slice(0, 10) <= asOf) : [...events])
    .sort((a, b) => (a.occurredAt === b.occurredAt ? b.version - a.version : (a.occurredAt < b.occurredAt ? 1 : -1)));
  const timeline = h('ol', { class: 'timeline', id: 'timeline' },
    visible.map((e) => h('li', { id: `ev-${e.eventId}`, tabindex: '-1',
      class: e.voided ? 'voided' : null, 'data-type': e.type },
    h('time', { datetime: e.occurredAt }, e.occurredAt.slice(0, 10)), ` ${humanType(e.type)} `,
    h('span', {}, summary(e)), e.voided ? h('span', { class: 'voided-note' }, '(voided)') : null)));

  main.replaceChildren(...[
    h('p', {}, h('a', { href: '#/' }, 'Back to the portfolio')),
    h('h1', { id: 'partnership-name' }, partnership.name),
    message ? h('p', { role: 'status', class: 'card' }, message) : null,
    h('div', { class: 'headline card' },
      h('div', { class: 'headline-row' }, statusBadge(health.status),
        h('span', { class: 'overall', id: 'overall' }, health.overall === null ? 'not yet assessed' : String(health.overall)),
        h('span', {}, `assessed as of ${health.asOf.slice(0, 10)}`)),
      statusReasons(health.statusReasons || [])),
    asOfForm,
    h('h2', {}, 'Health over time'),
    h('div', { class: 'card' }, chartBox, dataTable(history.points)),
    h('h2', {}, 'Alerts'), alerts,
    h('h2', { id: 'next-steps-heading' }, 'What would help most'), nextSteps,
    h('h2', {}, 'The six dimensions and why'),
    h('p', { class: 'muted' }, 'Each reason shows the points it earned of those it could earn on the dimension\'s'
      + ' 0-100 scale, or by how much a blend, cap or adjustment moved the score.'),
    dimensions,
    roles().some((r) => r === 'partner' || r === 'admin') ? meetingForm(id, partnership)
      : h('p', { class: 'card' }, 'Funders read; partners and admins record meetings.'),
    h('h2', {}, `Timeline${asOf ? ` up to ${asOf}` : ''}`), timeline].filter(Boolean));
  drawChart(chartBox, history.points);
  const target = params.get('event');
  if (target) highlight(target);
}

// --- routing -------------------------------------------------------------------------------------

function route() {
  const signedIn = Boolean(sessionStorage.getItem(TOKEN_KEY));
  document.getElementById('sign-out').hidden = !signedIn;
  if (!signedIn) {
    renderSignIn();
    return;
  }
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const match = path.match(/^\/p\/([0-9a-f-]{36})$/);
  if (match) {
    renderPartnership(match[1], new URLSearchParams(query || ''));
  } else {
    renderPortfolio();
  }
}

document.getElementById('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  announce('Signed out.');
  location.hash = '#/';
  route();
});
window.addEventListener('hashchange', route);
window.addEventListener('resize', () => chart && chart.resize());
route();
