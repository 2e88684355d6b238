// One form engine for every event type, built from the contract's payload schemas: titles in
// words, choices from the partnership's state, the id an event introduces made up here, the
// server's field errors shown beside their fields, and "Try it first" through the health preview.

import { api, Problem } from './api.js';
import { h, announce } from './dom.js';
import { words, typeWords, day, today, money, STATUS_TEXT, DIMENSIONS, capitalise } from './words.js';

const CHOICES = 'x-rapport-choices';
const NEW_ID = 'x-rapport-new-id';
const GROUP = 'x-rapport-group';
const TITLE = 'x-rapport-title';
const LONG_TEXT = new Set(['statement', 'problemStatement', 'reason', 'contribution']);

function types(schema) {
  const t = schema.type;
  return Array.isArray(t) ? t : t ? [t] : [];
}

function isNullable(schema) {
  return types(schema).includes('null') || (schema.anyOf || []).some((s) => s.type === 'null');
}

function kind(schema) {
  const t = types(schema).filter((x) => x !== 'null');
  return t[0] || (schema.properties ? 'object' : 'string');
}

function fieldId(path) {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The items of the partnership a field may choose from, as [value, words]. */
function choicesFor(source, partnership, events) {
  const p = partnership || {};
  switch (source) {
    case 'partners':
      return (p.partners || []).map((x) => [x.orgId, x.name || x.orgId]);
    case 'goals':
      return (p.goals || []).filter((g) => g.active !== false).map((g) => [g.goalId, g.statement || g.goalId]);
    case 'fundings':
      return (p.fundings || []).filter((f) => f.active !== false).map((f) => [f.fundingId,
        `${f.funderName || 'A funder'}, ${money(f.amount, f.currency)}${f.endsOn ? `, ends ${day(f.endsOn)}` : ''}`]);
    case 'measures':
      return (p.measures || []).filter((m) => m.active !== false).map((m) => [m.measureId, m.name || m.measureId]);
    case 'milestones':
      return (p.milestones || []).filter((m) => !['REACHED', 'DROPPED'].includes(m.status))
        .map((m) => [m.milestoneId, `${m.title || m.milestoneId}${m.dueOn ? `, due ${day(m.dueOn)}` : ''}`]);
    case 'risks':
      return (p.risks || []).filter((r) => r.open !== false).map((r) => [r.riskId,
        `${words(r.category)} risk raised ${day(r.raisedOn)} (likelihood ${r.likelihood}, impact ${r.impact})`]);
    case 'agreements':
      return (p.agreements || []).filter((a) => a.inForce !== false).map((a) => [a.agreementId,
        `${words(a.kind)}, in effect from ${day(a.effectiveOn)}`]);
    case 'pilots':
      return (p.pilots || []).map((x) => [x.pilotId, (x.location && x.location.name) || x.pilotId]);
    case 'events':
      return (events || []).filter((e) => !e.voided && e.type !== 'PartnershipFormed')
        .map((e) => [e.eventId, `${day(e.occurredAt)}: ${typeWords(e.type)}`]).reverse();
    default:
      return [];
  }
}

/** A new id for what the event introduces: readable, and unique enough within one partnership. */
function newId(field) {
  const base = field.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  return `${base}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * The fields of one schema under a path prefix. Returns the nodes and a reader that gives the
 * payload object back from the inputs, and registers each field's error slot.
 */
function fieldsOf(schema, prefix, ctx) {
  const required = new Set(schema.required || []);
  // Only a schema that says what it requires can say what is optional.
  const known = Array.isArray(schema.required);
  const readers = [];
  const nodes = [];
  for (const [name, prop] of Object.entries(schema.properties || {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (prop[NEW_ID]) {
      const id = newId(name);
      readers.push((out) => { out[name] = id; });
      continue;
    }
    const field = fieldOf(name, prop, path, required.has(name) || !known, ctx);
    nodes.push(field.node);
    readers.push((out) => {
      const value = field.read();
      if (value !== undefined) out[name] = value;
    });
  }
  return { nodes, read: () => { const out = {}; readers.forEach((r) => r(out)); return out; } };
}

function errorSlot(path, ctx) {
  const slot = h('p', { class: 'field-error', id: `err-${fieldId(path)}`, 'data-field': path });
  ctx.errors.set(path, slot);
  return slot;
}

function labelText(name, prop, required) {
  const title = prop.title || prop[TITLE] || capitalise(name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  return required ? title : `${title} (optional)`;
}

function fieldOf(name, prop, path, required, ctx) {
  const id = fieldId(path);
  const k = kind(prop);
  const nullable = isNullable(prop);
  const text = labelText(name, prop, required);
  const described = `err-${id}`;
  if (k === 'object') {
    const inner = fieldsOf(prop, path, ctx);
    return { node: h('fieldset', { class: 'subform', 'data-path': path }, h('legend', {}, text), inner.nodes,
      errorSlot(path, ctx)), read: inner.read };
  }
  if (k === 'array') {
    const items = prop.items || {};
    if (kind(items) === 'object') return listOfObjects(name, prop, path, text, ctx);
    const options = prop[CHOICES] ? choicesFor(prop[CHOICES], ctx.partnership, ctx.events)
      : (items.enum || []).map((v) => [v, words(v)]);
    const boxes = options.map(([value, words_], i) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', id: `${id}-${i}`, value, name: path }), ` ${words_}`));
    return { node: h('fieldset', { class: 'checks', 'data-path': path, 'aria-describedby': described },
      h('legend', {}, text), boxes.length ? boxes : h('p', { class: 'muted' }, 'Nothing recorded to choose from yet.'),
      errorSlot(path, ctx)),
    read: () => boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value) };
  }
  let input;
  let read;
  if (prop[CHOICES] || prop.enum) {
    const options = prop[CHOICES] ? choicesFor(prop[CHOICES], ctx.partnership, ctx.events)
      : prop.enum.filter((v) => v !== null).map((v) => [v, words(v)]);
    const first = nullable || !required ? [['', nullable ? 'None' : 'Not given']] : [['', 'Choose...']];
    const preset = ctx.presets[path];
    input = h('select', { id, name: path, 'aria-describedby': described },
      [...first, ...options].map(([v, t]) => h('option', { value: v, selected: preset !== undefined && v === preset }, t)));
    read = () => (input.value === '' ? (nullable ? null : required ? '' : undefined) : input.value);
  } else if (k === 'boolean') {
    input = h('input', { type: 'checkbox', id, name: path, 'aria-describedby': described });
    return { node: h('div', { class: 'field check-field' }, h('label', { class: 'check', for: id }, input, ` ${text.replace(' (optional)', '')}`),
      errorSlot(path, ctx)), read: () => (nullable && !input.checked ? undefined : input.checked) };
  } else if (k === 'integer' || k === 'number') {
    input = h('input', { type: 'number', id, name: path, step: k === 'integer' ? '1' : 'any', inputmode: 'decimal',
      'aria-describedby': described });
    read = () => (input.value === '' ? (required ? null : undefined) : Number(input.value));
  } else if (prop.format === 'date') {
    input = h('input', { type: 'date', id, name: path, 'aria-describedby': described });
    read = () => (input.value === '' ? (required ? '' : undefined) : input.value);
  } else {
    input = LONG_TEXT.has(name) ? h('textarea', { id, name: path, rows: 2, 'aria-describedby': described })
      : h('input', { type: 'text', id, name: path, 'aria-describedby': described });
    read = () => (input.value.trim() === '' ? (nullable ? null : required ? '' : undefined) : input.value.trim());
  }
  if (ctx.presets[path] !== undefined && input.tagName !== 'SELECT') input.value = ctx.presets[path];
  return { node: h('div', { class: 'field' }, h('label', { for: id }, text), input, errorSlot(path, ctx)), read };
}

function listOfObjects(name, prop, path, text, ctx) {
  const rows = h('div', { class: 'rows' });
  const readers = [];
  let count = 0;
  const add = (presets = {}) => {
    const i = count++;
    const rowPath = `${path}[${i}]`;
    const inner = fieldsOf(prop.items, rowPath, { ...ctx, presets: Object.fromEntries(
      Object.entries(presets).map(([k, v]) => [`${rowPath}.${k}`, v])) });
    const row = h('fieldset', { class: 'row', 'data-index': String(i) }, h('legend', {}, `${text}: ${i + 1}`),
      inner.nodes, h('button', { type: 'button', class: 'secondary remove', 'aria-label': `Remove ${text.toLowerCase()} ${i + 1}`,
        onclick: () => { row.remove(); readers[i] = null; } }, 'Remove'));
    readers[i] = inner.read;
    rows.append(row);
  };
  (ctx.rowPresets[name] || [{}]).forEach((p) => add(p));
  return { node: h('fieldset', { class: 'list', 'data-path': path }, h('legend', {}, text), rows,
    h('button', { type: 'button', class: 'secondary add', onclick: () => add() }, `Add to ${text.toLowerCase()}`),
    errorSlot(path, ctx)),
  read: () => readers.filter(Boolean).map((r) => r()) };
}

/** Places the server's field errors beside their fields; what has no field goes in the general slot. */
function showProblem(problem, ctx, general, pathOf = (f) => f) {
  const unplaced = [];
  for (const err of problem.errors) {
    const slot = ctx.errors.get(pathOf(err.field));
    if (slot) slot.textContent = capitalise(err.message);
    else unplaced.push(`${err.field}: ${err.message}`);
  }
  general.textContent = unplaced.length || problem.errors.length === 0
    ? [problem.message, ...unplaced].join(' ') : '';
  const first = [...ctx.errors.values()].find((s) => s.textContent);
  const target = first ? first.parentElement.querySelector('input, select, textarea') : null;
  (target || general).focus();
}

function clearErrors(ctx, general, preview) {
  ctx.errors.forEach((slot) => { slot.textContent = ''; });
  general.textContent = '';
  if (preview) preview.replaceChildren();
}

/** What a drafted event would change: status, overall, each dimension, alerts opened and closed. */
function previewOf(before, after, labels) {
  const changes = [];
  if (before.status !== after.status) {
    changes.push(`Status: ${STATUS_TEXT[before.status] || before.status} would become ${STATUS_TEXT[after.status] || after.status}`);
  }
  if (before.overall !== after.overall) {
    changes.push(`Overall: ${before.overall ?? 'no score'} would become ${after.overall ?? 'no score'}`);
  }
  for (const d of DIMENSIONS) {
    const b = (before.dimensions[d] || {}).score;
    const a = (after.dimensions[d] || {}).score;
    if (b !== a) changes.push(`${capitalise(d)}: ${b ?? 'not scored'} would become ${a ?? 'not scored'}`);
  }
  const codes = (v) => new Set(v.alerts.map((x) => x.code));
  const was = codes(before);
  const will = codes(after);
  for (const c of was) if (!will.has(c)) changes.push(`Alert closed: ${labels(c)}`);
  for (const c of will) if (!was.has(c)) changes.push(`Alert opened: ${labels(c)}`);
  return changes;
}

/**
 * A form that records an event of {@code type}. {@code ctx}: the partnership, its events, its
 * current health, the alert labels, and what to do once recorded.
 */
export function eventForm(schemas, type, ctx) {
  const schema = schemas[`${type}Payload`] || { properties: {} };
  const state = { errors: new Map(), partnership: ctx.partnership, events: ctx.events,
    presets: ctx.presets || {}, rowPresets: ctx.rowPresets || {} };
  const occurred = fieldOf('occurredAt', { type: 'string', format: 'date', title: 'When it happened' }, 'occurredAt', true, state);
  occurred.node.querySelector('input').value = today();
  const inner = fieldsOf(schema, '', state);
  const general = h('p', { class: 'problem', id: 'form-problem', tabindex: '-1', role: 'alert' });
  const preview = h('div', { class: 'preview', id: 'preview', role: 'status' });
  const body = () => ({ type, occurredAt: occurred.read(), ...inner.read() });
  const form = h('form', { id: 'event-form', class: 'card event-form', novalidate: true, 'data-type': type,
    'aria-labelledby': 'event-form-heading', onsubmit: async (e) => {
      e.preventDefault();
      clearErrors(state, general, preview);
      try {
        await api(`/partnerships/${ctx.partnership.id}/events`, { method: 'POST', body: body() });
        announce(`${schema.title || typeWords(type)}: recorded.`);
        ctx.recorded(`${schema.title || typeWords(type)}: recorded.`);
      } catch (problem) {
        if (problem instanceof Problem && problem.status !== 401) showProblem(problem, state, general);
      }
    } },
  h('h3', { id: 'event-form-heading' }, schema.title || typeWords(type)),
  h('div', { class: 'form-grid' }, occurred.node, inner.nodes),
  general,
  h('div', { class: 'form-actions' },
    h('button', { type: 'button', class: 'secondary', id: 'try-first', onclick: async () => {
      clearErrors(state, general, preview);
      try {
        const after = await api(`/partnerships/${ctx.partnership.id}/health/preview`, { method: 'POST', body: [body()] });
        const changes = previewOf(ctx.health, after, ctx.alertLabel);
        preview.replaceChildren(h('h4', {}, 'If you record this'), changes.length === 0
          ? h('p', {}, 'Nothing in the health would change today.')
          : h('ul', {}, changes.map((c) => h('li', {}, c))),
        h('p', { class: 'muted' }, 'Nothing has been recorded yet.'));
      } catch (problem) {
        if (problem instanceof Problem && problem.status !== 401) showProblem(problem, state, general);
      }
    } }, 'Try it first'),
    h('button', { type: 'submit', class: 'primary', id: 'record-submit' }, 'Record')),
  preview);
  return form;
}

/** A trust survey round: one organisation rates each other partner on the four questions, as one survey. */
export function surveyRoundForm(schemas, ctx, respondent) {
  const schema = schemas.TrustSurveyRecordedPayload;
  const questions = ['trust', 'reliability', 'openness', 'sharedInterest'];
  const partners = ctx.partnership.partners || [];
  const state = { errors: new Map() };
  const surveyId = `survey-${today()}-${crypto.randomUUID().slice(0, 6)}`;
  const who = h('select', { id: 'round-respondent', 'aria-describedby': 'err-round-respondent' },
    partners.map((p) => h('option', { value: p.orgId, selected: p.orgId === respondent }, p.name)));
  const date = h('input', { type: 'date', id: 'round-date', value: today() });
  const rated = h('div', { class: 'round-rows' });
  const general = h('p', { class: 'problem', id: 'form-problem', tabindex: '-1', role: 'alert' });
  const drawRows = () => {
    state.errors = new Map();
    const others = partners.filter((p) => p.orgId !== who.value);
    rated.replaceChildren(...others.map((p, i) => h('fieldset', { class: 'row rating', 'data-rated': p.orgId },
      h('legend', {}, `How ${partners.find((x) => x.orgId === who.value)?.name || 'they'} rate ${p.name}`),
      h('div', { class: 'form-grid' }, questions.map((q) => {
        const id = `round-${i}-${q}`;
        const path = `[${i}].${q}`;
        return h('div', { class: 'field' }, h('label', { for: id }, schema.properties[q].title || words(q)),
          h('select', { id, 'data-question': q, 'aria-describedby': `err-${fieldId(path)}` },
            h('option', { value: '' }, 'Choose...'),
            [1, 2, 3, 4, 5].map((n) => h('option', { value: String(n) },
              `${n}${n === 1 ? ' (not at all)' : n === 5 ? ' (completely)' : ''}`))),
          errorSlot(path, state));
      })))));
  };
  who.addEventListener('change', drawRows);
  drawRows();
  return h('form', { id: 'event-form', class: 'card event-form', novalidate: true, 'data-type': 'TrustSurveyRound',
    'aria-labelledby': 'event-form-heading', onsubmit: async (e) => {
      e.preventDefault();
      clearErrors(state, general);
      const events = [...rated.querySelectorAll('fieldset[data-rated]')].map((row) => {
        const event = { type: 'TrustSurveyRecorded', occurredAt: date.value, surveyId, respondentOrg: who.value,
          ratedOrg: row.dataset.rated };
        row.querySelectorAll('select').forEach((s) => { event[s.dataset.question] = s.value === '' ? null : Number(s.value); });
        return event;
      });
      try {
        await api(`/partnerships/${ctx.partnership.id}/events/batch`, { method: 'POST', body: events });
        announce('Trust survey round: recorded.');
        ctx.recorded(`Trust survey round recorded: ${events.length} partner${events.length === 1 ? '' : 's'} rated.`);
      } catch (problem) {
        if (problem instanceof Problem && problem.status !== 401) showProblem(problem, state, general);
      }
    } },
  h('h3', { id: 'event-form-heading' }, 'A trust survey round'),
  h('p', { class: 'muted' }, 'One organisation rates each other partner on four questions, from 1 (not at all) to 5 '
    + '(completely). Funders never see who rated whom.'),
  h('div', { class: 'form-grid' },
    h('div', { class: 'field' }, h('label', { for: 'round-respondent' }, 'Answering organisation'), who),
    h('div', { class: 'field' }, h('label', { for: 'round-date' }, 'When it was answered'), date)),
  rated, general,
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'record-submit' }, 'Record the round')));
}

/** The event types a partnership's page offers, grouped as the contract groups them. */
export function recordableTypes(schemas) {
  const groups = new Map();
  for (const [name, schema] of Object.entries(schemas)) {
    if (!name.endsWith('Payload') || !schema[GROUP]) continue;
    const type = name.slice(0, -'Payload'.length);
    if (type === 'PartnershipFormed') continue;
    if (!groups.has(schema[GROUP])) groups.set(schema[GROUP], []);
    groups.get(schema[GROUP]).push([type, schema.title || typeWords(type)]);
  }
  return groups;
}

export { fieldsOf, showProblem, clearErrors };
