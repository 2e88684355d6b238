// One partnership's workspace: its health and why, what would help most, its facts, its history,
// and a form for everything that can happen to it.

import { api, caller, contractSchemas, mayRecord } from './api.js';
import { h, heading, spaced, statusBadge, severityBadge, announce } from './dom.js';
import { DIMENSIONS, alertCodes, alertLabel, words, typeWords, day, daysUntil, money, today, capitalise,
  band } from './words.js';
import { reasonPoints, basisTag, statusReasons, nextStepList } from './explain.js';
import { eventForm, surveyRoundForm, recordableTypes } from './forms.js';
import { drawChart } from './chart.js';

const ROUND = 'TrustSurveyRound';

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

/** Names for the ids a partnership's events and health use. */
function namesOf(p) {
  const orgs = new Map();
  (p.formerPartners || []).forEach((x) => orgs.set(x.orgId, x.name || x.orgId));
  (p.partners || []).forEach((x) => orgs.set(x.orgId, x.name || x.orgId));
  const by = (list, key, text) => new Map((list || []).map((x) => [x[key], text(x)]));
  return {
    org: (id) => (id ? orgs.get(id) || id : 'independent'),
    orgs: (ids) => (ids || []).map((id) => orgs.get(id) || id).join(', '),
    goal: by(p.goals, 'goalId', (g) => `"${g.statement}"`),
    measure: by(p.measures, 'measureId', (m) => m.name),
    funding: by(p.fundings, 'fundingId', (f) => `${f.funderName || 'a funder'}'s ${money(f.amount, f.currency)}`),
    milestone: by(p.milestones, 'milestoneId', (m) => `"${m.title}"`),
    agreement: by(p.agreements, 'agreementId', (a) => words(a.kind)),
    risk: by(p.risks, 'riskId', (r) => `the ${words(r.category).toLowerCase()} risk`),
    pilot: by(p.pilots, 'pilotId', (x) => `the pilot in ${(x.location && x.location.name) || x.pilotId}`),
  };
}

/** What an event said, in a line. */
function summary(e, n) {
  const d = e.data || {};
  const get = (map, id) => map.get(id) || id;
  switch (e.type) {
    case 'PartnershipFormed': return `${d.name}, a ${words(d.partnershipType).toLowerCase()} partnership, formed by `
      + `${(d.foundingPartners || []).map((f) => f.name || f.orgId).join(', ')}`;
    case 'PartnerJoined': return `${d.name} joined as ${words(d.role).toLowerCase()} (${words(d.sector).toLowerCase()})`;
    case 'PartnerLeft': return `${n.org(d.orgId)} left: ${words(d.reason).toLowerCase()}`;
    case 'PartnershipTypeConfirmed': return `${n.org(d.orgId)} understands it as ${words(d.understoodType).toLowerCase()}`;
    case 'SharedGoalAgreed': return `"${d.statement}"${d.primary ? ', the primary goal' : ''}, endorsed by ${n.orgs(d.endorsedBy)}`;
    case 'SharedGoalRevised': return `${get(n.goal, d.goalId)} ${words(d.change).toLowerCase()}`
      + `${d.statement ? `: now "${d.statement}"` : ''}, endorsed by ${n.orgs(d.endorsedBy)}`;
    case 'SharedGoalRetired': return `${get(n.goal, d.goalId)}: ${words(d.reason).toLowerCase()}`;
    case 'MeetingHeld': return `${words(d.kind)} meeting, ${words(d.format).toLowerCase()}: ${(d.attendees || []).length} `
      + `attending from ${n.orgs([...new Set((d.attendees || []).map((a) => a.orgId).filter(Boolean))]) || 'no partner'}`;
    case 'TrustSurveyRecorded': return `${n.org(d.respondentOrg)} rated ${n.org(d.ratedOrg)}: trust ${d.trust}, `
      + `reliability ${d.reliability}, openness ${d.openness}, shared interest ${d.sharedInterest}`;
    case 'HealthCheckCompleted': return `${words(d.instrument)}, ${d.respondents} people answered`;
    case 'AgreementSigned': return `${words(d.kind)} signed by ${n.orgs(d.signatories)}, review by ${day(d.reviewBy)}`;
    case 'AgreementEnded': return `${get(n.agreement, d.agreementId)} ended: ${words(d.reason).toLowerCase()}`;
    case 'ChairAppointed': return `${words(d.role)}: ${d.personRef}${d.orgId ? ` of ${n.org(d.orgId)}` : ' (independent)'}`;
    case 'LeadershipChanged': return `${d.orgId ? `${n.org(d.orgId)}'s` : 'The partnership\'s'} ${words(d.role).toLowerCase()}`
      + ` changed from ${day(d.effectiveOn)}: ${d.incomingRef ? `${d.incomingRef} takes the post` : 'the post is vacant'}`
      + `${d.handoverHeld ? ', with a handover' : ', no handover'}`;
    case 'CapabilityAssessmentHeld': return `${n.orgs(d.orgIds)}${d.chiefExecutivesPresent ? ', chief executives present' : ''}`;
    case 'FundingSecured': return `${(d.funder && d.funder.name) || 'A funder'}: ${money(d.amount, d.currency)} from `
      + `${day(d.startsOn)}${d.endsOn ? ` to ${day(d.endsOn)}` : ''}${d.coreCosts ? ', core costs' : ''}`;
    case 'FundingEnded': return `${get(n.funding, d.fundingId)} ended${d.early ? ' early' : ''}`;
    case 'ContinuationPlanRecorded': return `${words(d.route)}, ${words(d.status).toLowerCase()}, `
      + `${d.staffFte} staff FTE kept, for ${(d.fundingIds || []).map((f) => get(n.funding, f)).join(', ')}`;
    case 'ResourceCommitted': return `${n.org(d.orgId)}: ${d.amount} ${words(d.kind).toLowerCase()} from ${day(d.from)} to ${day(d.to)}`;
    case 'MeasureDefined': return `"${d.name}", owned by ${n.org(d.ownerOrg)}: from ${d.baseline}`
      + `${d.target !== null && d.target !== undefined ? ` towards ${d.target}` : ''}, ${words(d.cadence).toLowerCase()}`;
    case 'MeasureRecorded': return `${get(n.measure, d.measureId)}: ${d.value} for the period to ${day(d.periodEnd)}`;
    case 'MeasureRetired': return `${get(n.measure, d.measureId)}: ${d.reason}`;
    case 'MilestoneSet': return `"${d.title}", due ${day(d.dueOn)}`;
    case 'MilestoneReached': return `${get(n.milestone, d.milestoneId)}`;
    case 'MilestoneRescheduled': return `${get(n.milestone, d.milestoneId)} ${d.dropped ? 'dropped' : `now due ${day(d.dueOn)}`}`;
    case 'RiskRaised': return `${words(d.category)} risk: likelihood ${d.likelihood}, impact ${d.impact}`;
    case 'RiskResolved': return `${capitalise(get(n.risk, d.riskId))}: ${words(d.outcome).toLowerCase()}`;
    case 'PilotStarted': return `In ${(d.location && d.location.name) || 'a new place'} from ${day(d.startsOn)}`;
    case 'PilotScaled': return `${capitalise(get(n.pilot, d.pilotId))}: ${words(d.kind).toLowerCase()} to `
      + `${(d.newLocation && d.newLocation.name) || 'a new place'}`;
    case 'PartnershipPaused': return `${d.reason}; expected to resume ${day(d.expectedResumeOn)}`;
    case 'PartnershipResumed': return '';
    case 'PartnershipClosed': return words(d.reason);
    case 'EventVoided': return `A record made by mistake: ${d.reason}`;
    default: return '';
  }
}

function dl(pairs) {
  return h('dl', { class: 'pairs' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function fundingCard(f, plans, mine) {
  const left = f.endsOn ? daysUntil(f.endsOn) : null;
  const plan = plans.find((p) => (p.fundingIds || []).includes(f.fundingId));
  return h('li', { class: `fact funding${mine ? ' mine' : ''}`, 'data-funding': f.fundingId },
    h('p', { class: 'fact-title' }, `${f.funderName || 'A funder'}${mine ? ' (your grant)' : ''}`),
    dl([['Amount', money(f.amount, f.currency)], ['From', day(f.startsOn)],
      ['Ends', f.endsOn ? `${day(f.endsOn)}${f.active !== false ? (left >= 0 ? `, in ${left} days` : ', passed') : ''}` : 'No end date'],
      ['Core costs', f.coreCosts ? 'Yes' : 'No'],
      ['Plan to continue', plan ? `${words(plan.route)}, ${words(plan.status).toLowerCase()}` : 'None recorded'],
      ['State', f.active === false ? `Ended ${day(f.endedOn)}${f.endedEarly ? ' (early)' : ''}` : 'Active']]));
}

/** The facts of the partnership as recorded, a funder's own grant first. */
function factsPanel(p, n) {
  const me = caller();
  const fundings = [...(p.fundings || [])];
  const mine = (f) => me && me.funderId && f.funderId === me.funderId;
  fundings.sort((a, b) => (mine(b) ? 1 : 0) - (mine(a) ? 1 : 0) || (a.active === false) - (b.active === false));
  const plans = p.plans || [];
  const section = (id, title, body) => h('section', { class: 'card facts-section', 'aria-labelledby': id },
    h('h3', { id }, title), body);
  const none = (text) => h('p', { class: 'muted' }, text);
  const list = (items, render, empty) => (items.length ? h('ul', { class: 'fact-list' }, items.map(render)) : none(empty));
  const activeGoals = (p.goals || []).filter((g) => g.active !== false);
  const measures = (p.measures || []).filter((m) => m.active !== false);
  const milestones = p.milestones || [];
  const agreements = (p.agreements || []).filter((a) => a.inForce !== false);
  const risks = (p.risks || []).filter((r) => r.open !== false);
  return h('div', { class: 'facts', id: 'facts' },
    section('facts-funding', me && me.funderId ? 'Funding, your grant first' : 'Funding',
      list(fundings, (f) => fundingCard(f, plans, mine(f)), 'No funding recorded.')),
    section('facts-partners', 'Partners', list(p.partners || [], (x) => h('li', { class: 'fact' },
      h('strong', {}, x.name), ` ${[words(x.sector).toLowerCase(), words(x.role).toLowerCase()].filter(Boolean).join(', ')}`
        + `, since ${day(x.joinedOn)}`),
    'No partners.')),
    section('facts-goal', 'The shared goal', list(activeGoals, (g) => h('li', { class: 'fact' },
      h('strong', {}, `"${g.statement}"`), `${g.primary ? ' (primary)' : ''}, agreed ${day(g.agreedOn)}`
        + `${g.lastRevisedOn ? `, last revisited ${day(g.lastRevisedOn)}` : ''}`), 'No shared goal agreed yet.')),
    section('facts-governance', 'Governance', h('div', {},
      dl([['Chair', p.chair ? `${words(p.chair.role)}: ${p.chair.personRef}`
        + `${p.chair.orgId ? ` of ${n.org(p.chair.orgId)}` : ''}, since ${day(p.chair.appointedOn)}` : 'None appointed']]),
      list(agreements, (a) => h('li', { class: 'fact' }, h('strong', {}, words(a.kind)),
        `, signed by ${n.orgs(a.signatories)}, review by ${day(a.reviewBy)}`
          + `${daysUntil(a.reviewBy) < 0 ? ' (overdue)' : ''}`), 'No agreement in force.'))),
    section('facts-measures', 'Measures of success', list(measures, (m) => h('li', { class: 'fact' },
      h('strong', {}, m.name), `: ${m.latestValue !== null && m.latestValue !== undefined
        ? `${m.latestValue} for the period to ${day(m.latestPeriodEnd)}` : 'no value yet'}`
        + ` (from ${m.baseline}${m.target !== null && m.target !== undefined ? `, target ${m.target}` : ''})`),
    'No measures defined.')),
    section('facts-milestones', 'Milestones', list(milestones, (m) => h('li', { class: 'fact' },
      h('strong', {}, m.title), `: ${m.status === 'REACHED' ? `reached ${day(m.reachedOn)}`
        : m.status === 'DROPPED' ? 'dropped' : `due ${day(m.dueOn)}`}`), 'No milestones set.')),
    risks.length ? section('facts-risks', 'Open risks', list(risks, (r) => h('li', { class: 'fact' },
      `${words(r.category)}: likelihood ${r.likelihood}, impact ${r.impact}, raised ${day(r.raisedOn)}`), '')) : null);
}

function eventLinks(id, eventIds, asOf) {
  const ids = eventIds || [];
  if (ids.length === 0) return [];
  const links = ids.map((eid, i) => h('a', {
    href: `#/p/${id}?event=${eid}${asOf ? `&asOf=${asOf}` : ''}`, class: 'event-link', 'data-event': eid,
    onclick: (e) => { e.preventDefault(); highlight(eid); history.replaceState(null, '', e.currentTarget.getAttribute('href')); },
  }, ids.length === 1 ? 'the record' : `${i + 1}`));
  return h('span', { class: 'event-links no-print' }, ids.length === 1 ? ' See ' : ' Records: ', spaced(links));
}

function highlight(eventId) {
  document.querySelectorAll('.timeline li.highlight').forEach((li) => li.classList.remove('highlight'));
  const item = document.getElementById(`ev-${eventId}`);
  if (!item) {
    announce('That record is not in the timeline shown.');
    return;
  }
  item.classList.add('highlight');
  item.scrollIntoView({ block: 'center' });
  item.focus();
}

function recordSection(schemas, ctx) {
  const groups = recordableTypes(schemas);
  const holder = h('div', { id: 'record-form' });
  // What is most often recorded: a meeting; while paused, the resumption.
  const first = ctx.partnership.status === 'PAUSED' ? 'PartnershipResumed' : 'MeetingHeld';
  const show = (type) => {
    holder.replaceChildren(type === ROUND ? surveyRoundForm(schemas, ctx, (caller() || {}).orgId)
      : eventForm(schemas, type, ctx));
  };
  const chooser = h('select', { id: 'record-type', onchange: (e) => show(e.target.value) },
    [...groups.entries()].map(([group, types]) => h('optgroup', { label: group },
      group === 'Meetings and trust' ? h('option', { value: ROUND }, 'A trust survey round (one partner rates the others)') : null,
      types.map(([type, title]) => h('option', { value: type, selected: type === first }, title)))));
  show(first);
  return h('section', { class: 'record no-print', id: 'record', 'aria-labelledby': 'record-heading' },
    h('h2', { id: 'record-heading', tabindex: '-1' }, 'Record what happened'),
    h('div', { class: 'field' }, h('label', { for: 'record-type' }, 'What happened'), chooser),
    holder);
}

export async function renderPartnership(main, id, params, message) {
  const asOf = params.get('asOf') || '';
  main.replaceChildren(h('p', { role: 'status' }, 'Loading...'));
  let partnership;
  let health;
  let events;
  let labels;
  try {
    [partnership, health, events, labels] = await Promise.all([
      api(`/partnerships/${id}`),
      api(`/partnerships/${id}/health${asOf ? `?asOf=${asOf}` : ''}`),
      allEvents(id),
      alertCodes(),
    ]);
  } catch (e) {
    if (e.status === 401) return null;
    main.replaceChildren(heading('Partnership not found'), h('p', { class: 'problem' }, e.message),
      h('p', {}, h('a', { href: '#/' }, 'Back to the portfolio')));
    return 'Partnership not found';
  }
  const label = (code) => alertLabel(labels, code);
  const n = namesOf(partnership);
  const recording = mayRecord() && partnership.status !== 'CLOSED' && !asOf;
  const schemas = recording ? await contractSchemas().catch(() => null) : null;
  const rerender = (text) => renderPartnership(main, id, new URLSearchParams(location.hash.split('?')[1] || ''), text)
    .then((title) => { if (title) main.querySelector('h1').focus(); });

  const asOfInput = h('input', { id: 'as-of', type: 'date', value: asOf, max: today() });
  const asOfForm = h('form', { class: 'asof card no-print', 'aria-label': 'Time travel', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/p/${id}${asOfInput.value ? `?asOf=${asOfInput.value}` : ''}`;
  } },
  h('div', { class: 'field' }, h('label', { for: 'as-of' }, 'See it as it stood on'), asOfInput),
  h('button', { type: 'submit', class: 'primary', id: 'apply-as-of' }, 'Show'),
  h('button', { type: 'button', class: 'secondary', id: 'as-of-today', onclick: () => { location.hash = `#/p/${id}`; } },
    'Today'));

  const scored = health.status !== 'NOT_ENOUGH_DATA' && health.overall !== null;
  const dimensions = h('div', { class: 'dimensions', id: 'dimensions' }, DIMENSIONS.map((d) => {
    const dim = health.dimensions[d] || {};
    const assessed = dim.score !== null && dim.score !== undefined;
    return h('section', { class: `card dimension band-${band(dim.score)}`, 'data-dimension': d, 'aria-labelledby': `dim-${d}` },
      h('h3', { id: `dim-${d}` }, capitalise(d),
        h('span', { class: `big score${assessed ? '' : ' na'}` }, assessed ? String(dim.score) : 'not yet scored')),
      basisTag(dim.basis),
      h('ul', { class: 'reasons' }, (dim.reasons || []).map((r) => h('li', { class: `reason kind-${r.kind}` },
        r.text, ' ', reasonPoints(r), r.kind === 'EXPECTED' ? [' ', h('span', { class: 'tag missing' }, 'missing record')] : null,
        eventLinks(id, r.eventIds, asOf)))),
      (dim.notAssessed || []).length === 0 ? null : h('ul', { class: 'reasons not-assessed-list no-print' },
        [...new Set(dim.notAssessed.map((x) => x.why))].map((why) => h('li', { class: 'not-assessed' }, `Not assessed: ${why}`))));
  }));

  const alerts = h('ul', { class: 'alerts', id: 'alerts' }, health.alerts.length === 0 ? h('li', {}, 'No alerts.')
    : health.alerts.map((a) => h('li', { 'data-code': a.code, class: `alert card severity-${a.severity}` },
      h('p', { class: 'alert-head' }, severityBadge(a.severity, label(a.code))),
      h('p', { class: 'prompt' }, a.prompt),
      h('p', { class: 'since muted' }, `Since ${day(a.since)}`
        + (a.severitySince ? `; ${a.severity.toLowerCase()} since ${day(a.severitySince)}` : ''), eventLinks(id, a.eventIds, asOf)))));

  const visible = (asOf ? events.filter((e) => e.occurredAt.slice(0, 10) <= asOf) : [...events])
    .sort((a, b) => (a.occurredAt === b.occurredAt ? b.version - a.version : (a.occurredAt < b.occurredAt ? 1 : -1)));
  const timeline = h('ol', { class: 'timeline', id: 'timeline' },
    visible.map((e) => h('li', { id: `ev-${e.eventId}`, tabindex: '-1', class: e.voided ? 'voided' : null, 'data-type': e.type },
      h('time', { datetime: e.occurredAt }, day(e.occurredAt)), ' ', h('strong', {}, typeWords(e.type)), ' ',
      h('span', { class: 'what' }, summary(e, n)), e.voided ? h('span', { class: 'voided-note' }, '(voided)') : null)));

  const chartBox = h('div', { id: 'chart', role: 'img' });
  const onThisPage = h('nav', { class: 'on-this-page no-print', 'aria-label': 'On this page' },
    spaced([schemas ? h('a', { href: '#record', id: 'jump-record', onclick: (e) => { e.preventDefault();
      document.getElementById('record-heading').focus(); } }, 'Record what happened') : null,
    h('a', { href: '#facts', onclick: (e) => { e.preventDefault(); document.getElementById('facts-heading').focus(); } }, 'Facts'),
    h('a', { href: '#timeline', onclick: (e) => { e.preventDefault(); document.getElementById('timeline-heading').focus(); } },
      'Timeline'),
    h('button', { type: 'button', class: 'link', onclick: () => window.print() }, 'Print a board report')].filter(Boolean)));

  // A meeting starts with a row per partner; a form of another type starts with one row.
  const ctx = { partnership, events, health, alertLabel: label, recorded: (text) => rerender(text),
    rowPresets: { attendees: (partnership.partners || []).map((x) => ({ orgId: x.orgId })) } };
  main.replaceChildren(...[
    h('p', { class: 'no-print' }, h('a', { href: '#/' }, 'Back to the portfolio')),
    heading(partnership.name, { id: 'partnership-name' }),
    h('p', { class: 'muted subtitle' }, `${words(partnership.partnershipType)} partnership, formed ${day(partnership.formedOn)}`
      + `${partnership.status === 'PAUSED' ? `; paused since ${day(partnership.pause.pausedOn)}` : ''}`
      + `${partnership.status === 'CLOSED' ? `; closed ${day(partnership.closure.closedOn)}` : ''}`
      + `. Health as of ${day(health.asOf)}.`),
    onThisPage,
    message ? h('p', { role: 'status', class: 'card notice', id: 'page-message' }, message) : null,
    h('div', { class: 'headline card' },
      h('div', { class: 'headline-row' }, statusBadge(health.status),
        scored ? h('span', { class: 'overall', id: 'overall' }, String(health.overall))
          : h('span', { class: 'overall muted', id: 'overall' }, 'No overall score yet'),
        scored ? h('span', { class: 'muted' }, 'overall, of 100') : null),
      statusReasons(health.statusReasons)),
    asOfForm,
    h('h2', { id: 'next-steps-heading' }, 'What would help most'), nextStepList(health.nextSteps || [], label),
    h('h2', {}, 'Alerts'), alerts,
    h('h2', { id: 'facts-heading', tabindex: '-1' }, 'The partnership\'s facts'), factsPanel(partnership, n),
    h('h2', {}, 'Health over time'),
    h('div', { class: 'card chart-card' }, chartBox, h('div', { class: 'no-print', id: 'chart-table' })),
    h('h2', {}, 'The six dimensions and why'),
    h('p', { class: 'muted dimensions-help' }, 'Each reason shows the points it earned of those it could earn on the dimension\'s'
      + ' 0-100 scale, or by how much a blend, cap or adjustment moved the score.'),
    dimensions,
    schemas ? recordSection(schemas, ctx)
      : h('p', { class: 'card no-print' }, mayRecord() ? (asOf ? 'Return to today to record what happened.'
        : 'This partnership is closed: nothing more can be recorded.') : 'Funders read; partners record.'),
    h('h2', { id: 'timeline-heading', tabindex: '-1', class: 'no-print' }, `Timeline${asOf ? ` up to ${day(asOf)}` : ''}`),
    h('div', { class: 'no-print' }, timeline)].filter(Boolean));
  document.title = `${partnership.name} · Rapport`;
  await drawChart(chartBox, id, partnership.formedOn, asOf || today(), document.getElementById('chart-table'));
  const target = params.get('event');
  if (target) highlight(target);
  return partnership.name;
}
