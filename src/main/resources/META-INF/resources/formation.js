// Forming a partnership from the page, with the same form engine as every other event.

import { api, contractSchemas, caller, Problem } from './api.js';
import { h, heading, announce } from './dom.js';
import { fieldsOf, showProblem, clearErrors } from './forms.js';
import { today } from './words.js';

export async function renderFormation(main) {
  let schemas;
  try {
    schemas = await contractSchemas();
  } catch (e) {
    main.replaceChildren(heading('Form a partnership'), h('p', { class: 'problem' }, 'The form could not be loaded.'));
    return 'Form a partnership';
  }
  const schema = schemas.PartnershipFormedPayload;
  const me = caller();
  const state = { errors: new Map(), partnership: {}, events: [], presets: {},
    rowPresets: { foundingPartners: [me && me.orgId ? { orgId: me.orgId } : {}, {}] } };
  const inner = fieldsOf(schema, '', state);
  const date = h('input', { type: 'date', id: 'f-occurredAt', value: today(), 'aria-describedby': 'err-f-occurredAt' });
  const dateError = h('p', { class: 'field-error', id: 'err-f-occurredAt', 'data-field': 'occurredAt' });
  state.errors.set('occurredAt', dateError);
  const general = h('p', { class: 'problem', id: 'form-problem', tabindex: '-1', role: 'alert' });
  const form = h('form', { id: 'formation-form', class: 'card event-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    clearErrors(state, general);
    try {
      const formed = await api('/partnerships', { method: 'POST', body: { occurredAt: date.value, ...inner.read() } });
      announce(`${formed.name} formed.`);
      location.hash = `#/p/${formed.id}`;
    } catch (problem) {
      if (problem instanceof Problem && problem.status !== 401) showProblem(problem, state, general);
    }
  } },
  h('div', { class: 'form-grid' },
    h('div', { class: 'field' }, h('label', { for: 'f-occurredAt' }, 'Formed on'), date, dateError), inner.nodes),
  general,
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'record-submit' }, 'Form the partnership')));
  main.replaceChildren(h('p', { class: 'no-print' }, h('a', { href: '#/' }, 'Back to the portfolio')),
    heading('Form a partnership'),
    h('p', { class: 'muted' }, 'The founding partners, each with the reference their organisation is known by here. '
      + 'Your own organisation must be one of them.'), form);
  return 'Form a partnership';
}
