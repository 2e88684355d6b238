package org.rapport.domain.health;

import static org.rapport.domain.HealthDimension.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.rapport.domain.ChairAppointed;
import org.rapport.domain.ContinuationPlanRecorded;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.MeetingHeld;
import org.rapport.domain.Partnership.MilestoneStatus;
import org.rapport.domain.PartnershipType;
import org.rapport.domain.RiskRaised;
import org.rapport.domain.health.Health.Alert;
import org.rapport.domain.health.Health.Basis;
import org.rapport.domain.health.Health.Confidence;
import org.rapport.domain.health.Health.Dimension;
import org.rapport.domain.health.Health.NotAssessed;
import org.rapport.domain.health.Health.Reason;
import org.rapport.domain.health.Health.ReasonKind;
import org.rapport.domain.health.Health.Severity;
import org.rapport.domain.health.Health.Status;

/**
 * {@code assess(events, asOf, params)}: a partnership's health from the events that had occurred
 * by {@code asOf}. Each rule is a small named function: a term (its weight, its value in 0..1 or
 * "not assessed" and why, the events behind it) or an adjustment, blend, cap or alert.
 *
 * <p>Evidence before judgement: a term applies only when its subject exists, or when its
 * absence has become a real gap (by age, by partnership type, by presence); the weights of a
 * dimension are renormalised over the terms that apply, and a dimension with none is null. An
 * item expected by age and still absent keeps a fading benefit of the doubt (grace), so nothing
 * changes overnight on the day it becomes expected.
 */
public final class HealthAssessor {

    private HealthAssessor() {
    }

    /**
     * A weighted part of a dimension. {@code value} null and {@code grace} null: not assessed, for
     * {@code why}. {@code grace} set: an item expected by age that was never recorded, worth the
     * benefit of the doubt left (see {@link Context#graceLeft}).
     */
    record Term(String rule, double weight, Double value, Double grace, Integer expectedFromDay, List<UUID> eventIds,
            String text, String why) {

        static Term of(String rule, double weight, double value, List<UUID> eventIds, String text) {
            return new Term(rule, weight, Math.max(0, Math.min(1, value)), null, null, eventIds, text, null);
        }

        static Term notAssessed(String rule, double weight, String why) {
            return new Term(rule, weight, null, null, null, List.of(), null, why);
        }

        /** An expected item never recorded: {@code text} says what is missing; its grace is told where it is weighed. */
        static Term missing(String rule, double weight, double grace, int fromDay, String text) {
            return new Term(rule, weight, null, grace, fromDay, List.of(), text, null);
        }

        boolean applies() {
            return value != null || grace != null;
        }

        boolean isMissing() {
            return grace != null;
        }

        /** A missing item still within its grace: worth the benefit of the doubt left. */
        boolean inGrace() {
            return grace != null && grace > 0;
        }

        /** What a term is worth when no benefit of the doubt is in play. */
        double settledValue() {
            return isMissing() ? 0 : value;
        }
    }

    /** A change after the terms: points added or removed, or a ceiling. */
    record Adjustment(String rule, double points, Integer cap, List<UUID> eventIds, String text) {
    }

    /**
     * The events are those of one partnership, voided ones and voids already left out; the ones
     * after {@code asOf} are ignored here.
     */
    public static Health assess(List<HistoricEvent> events, Instant asOf, HealthParams params) {
        var c = context(events, asOf, params);
        var health = assess(c, asOf, params);
        if (c == null || c.frozen != null) {
            return health;
        }
        return new Health(health.asOf(), health.paramsVersion(), health.status(), health.statusReasons(),
                health.overall(), health.dimensions(), health.alerts(), NextSteps.of(c, asOf, health));
    }

    /** The health, without what would help most: what {@link NextSteps} weighs remedies with. */
    static Health assessWithoutSteps(List<HistoricEvent> events, Instant asOf, HealthParams params) {
        return assess(context(events, asOf, params), asOf, params);
    }

    /** The health the context's facts lead to on its day, without next steps; {@code c} null: not formed yet. */
    static Health assess(Context c, Instant asOf, HealthParams params) {
        if (c == null) {
            // Asked about a moment before the partnership was formed (or known to be).
            var none = new EnumMap<HealthDimension, Dimension>(HealthDimension.class);
            for (var d : HealthDimension.values()) {
                none.put(d, new Dimension(null, Confidence.NONE, null, List.of(),
                        List.of(new NotAssessed("formation", "the partnership had not been formed"))));
            }
            return new Health(asOf, params.version(), Status.NOT_ENOUGH_DATA,
                    List.of("the partnership had not been formed by then"), null, Map.copyOf(none), List.of(), List.of());
        }
        var dimensions = new EnumMap<HealthDimension, Dimension>(HealthDimension.class);
        var pending = new EnumMap<HealthDimension, List<Term>>(HealthDimension.class);
        var terms = new EnumMap<HealthDimension, List<Term>>(HealthDimension.class);
        terms.put(TRUST, trustTerms(c));
        terms.put(ALIGNMENT, alignmentTerms(c));
        terms.put(GOVERNANCE, governanceTerms(c));
        terms.put(SUSTAINABILITY, sustainabilityTerms(c));
        terms.put(ENGAGEMENT, engagementTerms(c));
        terms.put(MOMENTUM, momentumTerms(c));
        // A dimension whose every term is in its grace is weighed against the others: its benefit
        // of the doubt is "as good as the rest of the partnership".
        for (var e : terms.entrySet()) {
            if (e.getValue().stream().anyMatch(t -> t.applies() && !t.inGrace())) {
                dimensions.put(e.getKey(), dimension(c, e.getKey(), e.getValue(), null));
            } else {
                pending.put(e.getKey(), e.getValue());
            }
        }
        var observedOverall = overall(dimensions, params);
        pending.forEach((d, t) -> dimensions.put(d, observedOverall == null ? unobserved(t)
                : dimension(c, d, t, observedOverall / 100.0)));

        var overall = overall(dimensions, params);
        var alerts = Alerts.of(c);
        var statusReasons = new ArrayList<String>();
        Status status;
        if (c.frozen != null) {
            status = c.frozen;
            statusReasons.add(c.frozenWhy);
        } else {
            status = status(c, dimensions, overall, alerts, statusReasons);
        }
        return new Health(asOf, params.version(), status, List.copyOf(statusReasons), overall, Map.copyOf(dimensions),
                alerts, List.of());
    }

    /**
     * What the rules read at {@code asOf}: the facts of the events that had occurred by then and
     * the day assessed; null before formation. A closed partnership is assessed as of its closing
     * day; a paused one as of its pause, over what had occurred by then (a pause stops the clock).
     */
    static Context context(List<HistoricEvent> events, Instant asOf, HealthParams params) {
        var facts = HealthFacts.of(occurredBy(events, asOf));
        if (facts.formedOn == null) {
            return null;
        }
        if (facts.closedOn != null) {
            return new Context(facts, facts.closedOn, facts.clock(), params, Status.CLOSED, "closed on "
                    + facts.closedOn + ": its health is kept as it was that day");
        }
        if (facts.pausedOn != null) {
            var pausedOn = facts.pausedOn;
            var held = HealthFacts.of(occurredBy(events, facts.pausedAt));
            return new Context(held, pausedOn, held.clock(), params, Status.PAUSED, "paused on " + pausedOn
                    + ": its health is held as it was that day until it resumes");
        }
        return new Context(facts, asOf.atZone(ZoneOffset.UTC).toLocalDate(), facts.clock(), params, null, null);
    }

    /**
     * The earliest moment from which an assessment at {@code asOf} needs the frequent events
     * (meetings, surveys, measure values, health checks) when those older than {@code window}
     * are left unread: {@code window} before the day assessed, in active days. A pause stops the
     * clock, so a paused partnership is assessed as of its pause day and every pause reaches
     * further back; a closed one as of its closing day.
     */
    public static Instant windowStart(List<HistoricEvent> events, Instant asOf, java.time.Duration window) {
        var plain = asOf.minus(window);
        if (events.stream().noneMatch(e -> e.payload() instanceof org.rapport.domain.PartnershipPaused
                || e.payload() instanceof org.rapport.domain.PartnershipClosed)) {
            return plain;
        }
        var facts = HealthFacts.of(occurredBy(events, asOf));
        if (facts.formedOn == null) {
            return plain;
        }
        var anchor = facts.closedOn != null ? facts.closedOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : facts.pausedAt != null ? facts.pausedAt : asOf;
        var day = anchor.atZone(ZoneOffset.UTC).toLocalDate();
        var start = anchor.minus(window).minus(java.time.Duration.ofDays(facts.clock().pausedBefore(day)));
        return start.isBefore(plain) ? start : plain;
    }

    private static List<HistoricEvent> occurredBy(List<HistoricEvent> events, Instant moment) {
        return events.stream().filter(e -> !e.occurredAt().isAfter(moment)).toList();
    }

    /**
     * Never score what was not observed: with nothing recorded anywhere to weigh a benefit of the
     * doubt against, a dimension of expected items alone is not scored; its alerts prompt the records.
     */
    private static Dimension unobserved(List<Term> terms) {
        return new Dimension(null, Confidence.NONE, null, List.of(), terms.stream().map(t -> new NotAssessed(t.rule(),
                t.applies() ? t.text() + "; nothing has been recorded yet to score it against" : t.why())).toList());
    }

    private static Dimension dimension(Context c, HealthDimension d, List<Term> terms, Double neutral) {
        return Dimensions.build(c, d, terms, switch (d) {
            case TRUST -> trustAdjustments(c);
            case ALIGNMENT -> alignmentAdjustments(c);
            case SUSTAINABILITY -> sustainabilityAdjustments(c);
            case ENGAGEMENT -> engagementAdjustments(c);
            case GOVERNANCE, MOMENTUM -> List.of();
        }, neutral);
    }

    // --- Trust ---------------------------------------------------------------------------------

    /** "Trust took monthly meetings of senior leaders over years": credit per meeting, fading. */
    static List<Term> trustTerms(Context c) {
        var p = c.params;
        if (c.facts.meetings.isEmpty() && c.latestSurvey() == null) {
            return List.of(Term.notAssessed("relationship", 1, "no meeting or trust survey yet"));
        }
        var counted = countedMeetings(c);
        double r = counted.stream().mapToDouble(m -> meetingCredit(c, m)).sum();
        double rel = 1 - Math.exp(-r / p.relationshipScale());
        var ids = counted.stream().map(HealthFacts.Meeting::eventId).toList();
        int left = c.facts.meetings.size() - counted.size();
        var text = new StringBuilder();
        text.append(counted.size()).append(counted.size() == 1 ? " meeting counts" : " meetings count")
                .append(", each worth more when every partner's senior people attend and fading by half every ")
                .append(p.meetingHalfLifeDays()).append(" days");
        if (left > 0) {
            text.append("; ").append(left).append(left == 1 ? " meeting was" : " meetings were")
                    .append(" not counted, being within ").append(p.meetingWindowDays())
                    .append(" days of a fuller meeting at the same level (leadership or working)");
        }
        text.append(": relationship ").append(Math.round(rel * 100)).append(" of 100");
        return List.of(Term.of("relationship", 1, rel, ids, text.toString()));
    }

    /**
     * Within each layer (leadership: board and steering; working: operational and workshop) at
     * most one meeting counts in any 14-day window, the one with the most credit: meetings are
     * taken by credit (then date), each unless one already taken in its layer lies within the
     * window. Only the nearest taken dates on either side can lie within it.
     */
    static List<HealthFacts.Meeting> countedMeetings(Context c) {
        record Credited(HealthFacts.Meeting meeting, double credit) {
        }
        var byCredit = c.facts.meetings.stream().map(m -> new Credited(m, meetingCredit(c, m)))
                .sorted(Comparator.comparingDouble((Credited m) -> -m.credit())
                        .thenComparing(m -> m.meeting().on()))
                .toList();
        var taken = Map.of(true, new java.util.TreeSet<java.time.LocalDate>(),
                false, new java.util.TreeSet<java.time.LocalDate>());
        var counted = new ArrayList<HealthFacts.Meeting>();
        int window = c.params.meetingWindowDays();
        for (var credited : byCredit) {
            var on = credited.meeting().on();
            var layer = taken.get(Context.leadership(credited.meeting()));
            var before = layer.floor(on);
            var after = layer.ceiling(on);
            if ((before == null || c.clock.between(before, on) >= window)
                    && (after == null || c.clock.between(on, after) >= window)) {
                layer.add(on);
                counted.add(credited.meeting());
            }
        }
        counted.sort(Comparator.comparing(HealthFacts.Meeting::on));
        return counted;
    }

    static double meetingCredit(Context c, HealthFacts.Meeting m) {
        var p = c.params;
        var partners = c.facts.partnerIds();
        if (partners.isEmpty()) {
            return 0;
        }
        long present = partners.stream().filter(m.orgs()::contains).count();
        long senior = partners.stream().filter(m::seniorFrom).count();
        double s = senior == partners.size() ? p.seniorAll() : senior > 0 ? p.seniorSome() : p.seniorNone();
        double f = m.meeting().format() == MeetingHeld.MeetingFormat.VIRTUAL ? p.virtualFactor() : 1.0;
        double share = (double) present / partners.size();
        return p.meetingBase() * s * f * share * c.decay(m.on(), p.meetingHalfLifeDays());
    }

    static String post(Context c, HealthFacts.LeadershipPenalty change) {
        var role = Context.words(change.role);
        return change.orgId == null ? "the partnership's " + role : c.name(change.orgId) + "'s " + role;
    }

    static List<Adjustment> trustAdjustments(Context c) {
        var p = c.params;
        var adjustments = new ArrayList<Adjustment>();
        for (var change : c.facts.leadership) {
            double full = switch (change.role) {
                case PARTNERSHIP_LEAD -> p.leadPostChange();
                default -> p.chiefPostChange();
            };
            if (change.filledOn == null) {
                adjustments.add(new Adjustment("leadership-change", full, null, List.of(change.eventId),
                        post(c, change) + " has been vacant since " + change.changedOn
                                + "; the cost does not fade while the post is empty"));
                continue;
            }
            var met = c.facts.meetings.stream()
                    .filter(m -> !m.on().isBefore(change.filledOn) && m.attendedBy(change.incomingRef)).findFirst();
            double points = full * c.decay(change.filledOn, p.adjustmentHalfLifeDays()) * (met.isPresent() ? 0.5 : 1);
            var ids = new ArrayList<UUID>(List.of(change.eventId));
            if (change.fillEventId != null && !change.fillEventId.equals(change.eventId)) {
                ids.add(change.fillEventId);
            }
            met.ifPresent(m -> ids.add(m.eventId()));
            adjustments.add(new Adjustment("leadership-change", points, null, ids, post(c, change) + " changed on "
                    + change.filledOn + (met.isPresent() ? "; the new post-holder has met the partnership, which halves the cost"
                            : " and the new post-holder has not met the partnership yet")
                    + " (the cost fades by half every " + p.adjustmentHalfLifeDays() + " days)"));
        }
        for (var e : c.facts.endorsedByAll) {
            adjustments.add(new Adjustment("goal-endorsed-by-all",
                    p.goalEndorsedByAll() * c.decay(e.on(), p.adjustmentHalfLifeDays()), null, List.of(e.eventId()),
                    "every partner endorsed the shared goal on " + e.on()));
        }
        c.facts.risks.values().stream().filter(r -> r.open && r.category == RiskRaised.Category.RELATIONSHIP)
                .forEach(r -> adjustments.add(new Adjustment("relationship-risk-open",
                        p.relationshipRisk() * c.decay(r.raisedOn, p.adjustmentHalfLifeDays()), null,
                        List.of(r.eventId), "a risk to the relationship has been open since " + r.raisedOn)));
        for (var e : c.facts.leftInConflict) {
            adjustments.add(new Adjustment("partner-left-in-conflict",
                    p.partnerLeftInConflict() * c.decay(e.on(), p.adjustmentHalfLifeDays()), null,
                    List.of(e.eventId()), "a partner left in conflict on " + e.on()));
        }
        c.facts.fundings.values().stream().filter(f -> f.core && !f.active && !c.hasAnyPlan(f.fundingId))
                .forEach(f -> adjustments.add(new Adjustment("core-funding-ended-without-plan",
                        p.coreFundingEndedWithoutPlan() * c.decay(f.endedOn, p.adjustmentHalfLifeDays()), null,
                        List.of(f.endEventId), Context.funding(f) + " for core costs ended on " + f.endedOn
                                + " with no continuation plan")));
        return adjustments;
    }

    // --- Alignment -----------------------------------------------------------------------------

    static List<Term> alignmentTerms(Context c) {
        var p = c.params;
        var terms = new ArrayList<Term>();
        var primary = c.primaryGoal();
        boolean secondment = c.facts.type == PartnershipType.SECONDMENT;
        if (primary == null && c.age() < p.goalExpectedFromDay()) {
            String why = "a shared goal is expected from day " + p.goalExpectedFromDay();
            if (!secondment) {
                terms.add(Term.notAssessed("coverage", 50, why));
            }
            terms.add(Term.notAssessed("freshness", 25, why));
            terms.add(Term.notAssessed("single-goal", 10, why));
        } else if (primary == null) {
            double grace = c.graceLeft(p.goalExpectedFromDay());
            int from = p.goalExpectedFromDay();
            if (!secondment) {
                terms.add(Term.missing("coverage", 50, grace, from, "no shared primary goal recorded for partners to endorse"));
            }
            terms.add(Term.missing("freshness", 25, grace, from, "no shared primary goal recorded to revisit"));
            terms.add(Term.missing("single-goal", 10, grace, from, "no shared primary goal recorded"));
        } else {
            var goal = primary.getValue();
            var ids = List.of(goal.lastEventId);
            var statement = Context.statement(goal);
            if (!secondment) {
                long endorsing = c.facts.partnerIds().stream().filter(goal.endorsedBy::contains).count();
                int all = c.facts.partners.size();
                terms.add(Term.of("coverage", 50, (double) endorsing / all, ids, share((int) endorsing, all)
                        + " endorse the primary goal " + statement));
            }
            double months = c.monthsSince(goal.lastAgreedOn);
            double fresh = months <= p.goalFreshMonths() ? 1
                    : Math.max(0, 1 - (months - p.goalFreshMonths()) / (p.goalStaleMonths() - p.goalFreshMonths()));
            terms.add(Term.of("freshness", 25, fresh, ids, "the primary goal was agreed or last revisited on "
                    + goal.lastAgreedOn + (fresh == 1 ? ", within " + p.goalFreshMonths() + " months"
                            : fresh == 0 ? ", more than " + p.goalStaleMonths() + " months ago"
                                    : ", " + (long) months + " months ago (it counts fully for " + p.goalFreshMonths()
                                            + " months and nothing after " + p.goalStaleMonths() + ")")));
            terms.add(Term.of("single-goal", 10, 1, ids, "one primary goal: " + statement));
        }
        if (secondment) {
            terms.add(Term.notAssessed("type-understood", 10, "a secondment is commissioned work"));
        } else {
            var confirmed = c.facts.partners.values().stream().filter(o -> o.understoodType() != null).toList();
            if (confirmed.isEmpty()) {
                terms.add(Term.notAssessed("type-understood", 10, "no partner has confirmed the partnership type"));
            } else {
                long matching = confirmed.stream().filter(o -> o.understoodType() == c.facts.type).count();
                int all = c.facts.partners.size();
                terms.add(Term.of("type-understood", 10, (double) matching / all,
                        confirmed.stream().map(HealthFacts.Org::confirmationId).toList(),
                        share((int) matching, all) + " have confirmed they"
                                + " understand the partnership as " + Context.words(c.facts.type)));
            }
        }
        var capability = c.facts.capability;
        if (capability == null && c.age() < p.capabilityExpectedFromDay()) {
            terms.add(Term.notAssessed("capability", 5, "a capability assessment is expected from day "
                    + p.capabilityExpectedFromDay()));
        } else if (capability == null) {
            terms.add(Term.missing("capability", 5, c.graceLeft(p.capabilityExpectedFromDay()),
                    p.capabilityExpectedFromDay(), "no capability assessment recorded"));
        } else {
            boolean ok = c.facts.capabilityWithChiefExecutives && c.fresh(capability.on(), p.capabilityMonths());
            terms.add(Term.of("capability", 5, ok ? 1 : 0, List.of(capability.eventId()),
                    ok ? "capability assessed with the chief executives present on " + capability.on()
                            : "no capability assessment with the chief executives present in the last "
                                    + p.capabilityMonths() + " months (the last was on " + capability.on() + ")"));
        }
        return terms;
    }

    static List<Adjustment> alignmentAdjustments(Context c) {
        if (c.facts.type == PartnershipType.SECONDMENT) {
            return List.of();
        }
        var mismatched = c.mismatchedTypes();
        if (mismatched.isEmpty()) {
            return List.of();
        }
        return List.of(new Adjustment("type-mismatch", 0, c.params.typeMismatchCap(),
                mismatched.stream().map(HealthFacts.Org::confirmationId).toList(),
                String.join(", ", mismatched.stream().map(o -> c.name(o.orgId()) + " understands it as "
                        + Context.words(o.understoodType())).toList()) + ", while the partnership was formed as "
                        + Context.words(c.facts.type)));
    }

    // --- Governance ----------------------------------------------------------------------------

    static List<Term> governanceTerms(Context c) {
        var p = c.params;
        var terms = new ArrayList<Term>();
        var inForce = c.facts.agreements.values().stream().filter(a -> a.inForce).toList();
        boolean cooperative = c.facts.type == PartnershipType.COOPERATIVE;
        if (cooperative) {
            terms.add(Term.notAssessed("agreement", 35, "cooperative partners keep resources separate"));
            terms.add(Term.notAssessed("coverage", 10, "cooperative partners keep resources separate"));
        } else if (c.facts.agreements.isEmpty() && c.age() < p.agreementExpectedFromDay()) {
            terms.add(Term.notAssessed("agreement", 35, "an agreement is expected from day "
                    + p.agreementExpectedFromDay()));
            terms.add(Term.notAssessed("coverage", 10, "no agreement yet"));
        } else if (c.facts.agreements.isEmpty()) {
            terms.add(Term.missing("agreement", 35, c.graceLeft(p.agreementExpectedFromDay()),
                    p.agreementExpectedFromDay(), "no agreement recorded"));
            terms.add(Term.notAssessed("coverage", 10, "no agreement yet"));
        } else {
            terms.add(agreementTerm(c, inForce));
            if (inForce.isEmpty()) {
                terms.add(Term.notAssessed("coverage", 10, "no agreement in force"));
            } else {
                var best = inForce.stream().max(Comparator.comparingInt(a -> a.covers.size())).orElseThrow();
                var absent = java.util.Arrays.stream(org.rapport.domain.AgreementSigned.Covers.values())
                        .filter(m -> !best.covers.contains(m)).map(Context::words).toList();
                terms.add(Term.of("coverage", 10, best.covers.size() / 8.0, List.of(best.eventId), "the "
                        + Context.agreement(best.kind) + " covers " + (absent.isEmpty()
                                ? "all 8 matters an agreement should: roles, decisions, resources, risk, conflict, data,"
                                        + " exit and review"
                                : best.covers.size() + " of the 8 matters an agreement should; not " + String.join(", ",
                                        absent))));
            }
        }
        var chair = c.facts.chair;
        if (chair == null && c.age() < p.chairExpectedFromDay()) {
            terms.add(Term.notAssessed("chair", 10, "a chair or facilitator is expected from day "
                    + p.chairExpectedFromDay()));
        } else if (chair == null) {
            terms.add(Term.missing("chair", 10, c.graceLeft(p.chairExpectedFromDay()), p.chairExpectedFromDay(),
                    "no chair or facilitator recorded, a helpful practice rather than a requirement"));
        } else {
            terms.add(Term.of("chair", 10, chair.orgId() == null ? 1 : 0.75, List.of(c.facts.chairEventId),
                    chair.orgId() == null ? (chair.role() == ChairAppointed.Role.INDEPENDENT_CHAIR
                            ? "an independent chair is in place" : "an independent " + Context.words(chair.role())
                                    + " is in place")
                            : "the chair comes from a partner, " + c.name(chair.orgId())
                                    + " (an independent chair counts fully)"));
        }
        if (c.facts.meetings.isEmpty() && c.age() < p.forumExpectedFromDay()) {
            terms.add(Term.notAssessed("forum", 25, "no meeting yet"));
        } else if (c.facts.meetings.isEmpty()) {
            terms.add(Term.missing("forum", 25, c.graceLeft(p.forumExpectedFromDay()), p.forumExpectedFromDay(),
                    "no meeting recorded"));
        } else {
            var forum = c.facts.meetings.stream().filter(m -> c.within(m.on(), p.forumDays()))
                    .filter(Context::leadership)
                    .filter(m -> m.orgs().containsAll(c.facts.partnerIds()))
                    .max(Comparator.comparing(HealthFacts.Meeting::on));
            terms.add(Term.of("forum", 25, forum.isPresent() ? 1 : 0,
                    forum.map(m -> List.of(m.eventId())).orElse(List.of()),
                    forum.map(m -> "all partners met at a " + Context.words(m.meeting().kind()) + " meeting on " + m.on())
                            .orElse("no board or steering meeting of all partners in the last " + p.forumDays()
                                    + " days")));
        }
        if (c.facts.risks.isEmpty()) {
            terms.add(Term.notAssessed("risk", 20, "no risk register kept yet"));
        } else {
            var overdue = c.overdueHighRisks();
            terms.add(Term.of("risk", 20, 1 - 0.25 * overdue.size(), overdue.stream().map(r -> r.eventId).toList(),
                    overdue.isEmpty() ? "a risk register is kept and no high risk has been left open for more than "
                            + p.riskOverdueDays() + " days"
                            : overdue.size() + (overdue.size() == 1 ? " high risk has" : " high risks have")
                                    + " been open for more than " + p.riskOverdueDays() + " days"));
        }
        return terms;
    }

    /** The share of partners signed to an agreement in force, halved for one past its review date. */
    static Term agreementTerm(Context c, List<HealthFacts.Agreement> inForce) {
        var partners = c.facts.partnerIds();
        var ids = inForce.stream().map(a -> a.eventId).toList();
        if (inForce.isEmpty()) {
            return Term.of("agreement", 35, 0, ids, "no agreement is in force now");
        }
        double share = partners.stream().mapToDouble(org -> inForce.stream()
                .filter(a -> a.signatories.contains(org))
                .mapToDouble(a -> pastReview(c, a) ? 0.5 : 1).max().orElse(0))
                .average().orElse(0);
        long signed = partners.stream().filter(org -> inForce.stream().anyMatch(a -> a.signatories.contains(org))).count();
        var overdue = inForce.stream().filter(a -> pastReview(c, a)).toList();
        var text = new StringBuilder(share((int) signed, partners.size())).append(" have signed an agreement in force");
        if (!overdue.isEmpty()) {
            var a = overdue.get(0);
            text.append("; the ").append(Context.agreement(a.kind)).append(" was due for review on ").append(a.reviewBy)
                    .append(", so it counts half until it is reviewed");
        }
        return Term.of("agreement", 35, share, ids, text.toString());
    }

    static boolean pastReview(Context c, HealthFacts.Agreement a) {
        return a.reviewBy != null && c.today.isAfter(a.reviewBy);
    }

    // --- Sustainability ------------------------------------------------------------------------

    static List<Term> sustainabilityTerms(Context c) {
        var p = c.params;
        if (c.facts.fundings.isEmpty() && c.facts.resourcesByOrg.isEmpty()) {
            return List.of(Term.notAssessed("runway", 40, "no funding or resource commitment recorded"),
                    Term.notAssessed("plan", 30, "no funding recorded"),
                    Term.notAssessed("capacity", 20, "no resource commitment recorded"),
                    Term.notAssessed("diversity", 10, "no funding recorded"));
        }
        var terms = new ArrayList<Term>();
        terms.add(runway(c));
        terms.add(plan(c));
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed("capacity", 20, "cooperative partners keep resources separate"));
            terms.add(Term.notAssessed("diversity", 10, "cooperative partners keep resources separate"));
        } else {
            var staffing = c.facts.partnerIds().stream().filter(org -> c.facts.resourcesByOrg.containsKey(org)).toList();
            terms.add(Term.of("capacity", 20, staffing.size() >= 2 ? 1 : 0,
                    staffing.stream().flatMap(o -> c.facts.resourcesByOrg.get(o).stream()).toList(),
                    (staffing.isEmpty() ? "no partner has" : staffing.size() == 1 ? "only " + c.name(staffing.get(0))
                            + " has" : staffing.size() + " partners have") + " committed resources (at least 2 are expected)"));
            var funders = c.activeFunding().map(f -> f.funderName).distinct().toList();
            terms.add(Term.of("diversity", 10, funders.size() >= 2 ? 1 : 0, c.activeFunding().map(f -> f.eventId).toList(),
                    (funders.isEmpty() ? "no active funder" : funders.size() == 1 ? "one active funder, " + funders.get(0)
                            : funders.size() + " active funders") + " (at least 2 are expected)"));
        }
        return terms;
    }

    /** Months until the last active funding ends, over 18: all active funding counts, core or project. */
    static Term runway(Context c) {
        var active = c.activeFunding().toList();
        var ids = active.stream().map(f -> f.eventId).toList();
        if (active.isEmpty()) {
            return Term.of("runway", 40, 0, ids, "no funding is active");
        }
        var open = active.stream().filter(f -> f.endsOn == null).findFirst();
        if (open.isPresent()) {
            return Term.of("runway", 40, 1, ids, Context.funding(open.get()) + " has no end date");
        }
        var last = active.stream().max(Comparator.comparing(f -> f.endsOn)).orElseThrow();
        double months = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(c.today, last.endsOn)) / 30.44;
        double runway = Math.min(months / c.params.runwayMonths(), 1);
        return Term.of("runway", 40, runway, ids, "the last active funding, " + Context.funding(last) + ", runs to "
                + last.endsOn + ", " + Context.round1(months) + " months away (" + c.params.runwayMonths()
                + " months or more earns it all)");
    }

    /**
     * The share of the funding that ends within the next 12 months, or ended within the last 12,
     * covered by an agreed continuation plan (a draft counts half). Funding that ended with no
     * plan counts as uncovered, so the term never rises on the day funding runs out unplanned.
     */
    static Term plan(Context c) {
        var p = c.params;
        var horizon = c.today.plusMonths(p.planHorizonMonths());
        var span = c.facts.fundings.values().stream().filter(f -> f.active
                ? f.endsOn != null && !f.endsOn.isAfter(horizon)
                : f.endedOn != null && c.fresh(f.endedOn, p.planHorizonMonths())).toList();
        if (span.isEmpty()) {
            return Term.of("plan", 30, 1, List.of(), "no funding ends within the next " + p.planHorizonMonths()
                    + " months or ended in the last " + p.planHorizonMonths());
        }
        boolean oneCurrency = span.stream().map(f -> f.currency).distinct().count() == 1;
        double total = 0;
        double covered = 0;
        var ids = new ArrayList<UUID>();
        var unplanned = new ArrayList<String>();
        for (var f : span) {
            double weight = oneCurrency ? f.amount.doubleValue() : 1;
            total += weight;
            var plan = c.bestPlan(f.fundingId);
            if (plan != null) {
                covered += weight * (plan.status() == ContinuationPlanRecorded.Status.AGREED ? 1 : 0.5);
                ids.add(plan.eventId());
            } else {
                unplanned.add(Context.funding(f) + (f.active ? " (ends " + f.endsOn + ")" : " (ended " + f.endedOn + ")"));
            }
            ids.add(f.eventId);
        }
        var text = Context.percent(covered / total) + " of the funding that ends within " + p.planHorizonMonths()
                + " months or ended in the last " + p.planHorizonMonths() + " has a continuation plan (agreed counts"
                + " fully, a draft half" + (oneCurrency ? ", weighted by amount" : "") + ")"
                + (unplanned.isEmpty() ? "" : "; no plan for " + String.join(", ", unplanned));
        return Term.of("plan", 30, covered / total, ids, text);
    }

    static List<Adjustment> sustainabilityAdjustments(Context c) {
        var cliff = c.nearestCliff();
        if (cliff == null) {
            return List.of();
        }
        var p = c.params;
        int cap = cliff.days() <= p.cliffCriticalDays() ? p.cliffCriticalCap() : p.cliffHighCap();
        return List.of(new Adjustment("funding-cliff", 0, cap, List.of(cliff.funding().eventId),
                Context.funding(cliff.funding()) + " ends on " + cliff.funding().endsOn + ", in " + cliff.days()
                        + " days, with no agreed continuation plan"));
    }

    // --- Engagement ----------------------------------------------------------------------------

    static List<Term> engagementTerms(Context c) {
        var p = c.params;
        if (c.facts.meetings.isEmpty()) {
            return List.of(Term.notAssessed("senior", 40, "no meeting yet"),
                    Term.notAssessed("breadth", 25, "no meeting yet"),
                    Term.notAssessed("layers", 15, "no meeting yet"),
                    Term.notAssessed("cross-sector", 10, "no meeting yet"),
                    Term.notAssessed("commitment", 10, "no meeting yet"));
        }
        var terms = new ArrayList<Term>();
        var partners = c.facts.partnerIds();
        int all = partners.size();
        var recentSenior = c.meetingsWithin(p.seniorDays());
        var withSenior = partners.stream().filter(org -> recentSenior.stream().anyMatch(m -> m.seniorFrom(org))).toList();
        terms.add(Term.of("senior", 40, (double) withSenior.size() / all, ids(recentSenior),
                share(withSenior.size(), all) + " had a senior person (an executive or director) at a meeting in the last "
                        + p.seniorDays() + " days" + missingOrgs(c, partners, withSenior)));
        var recent = c.meetingsWithin(p.breadthDays());
        var present = partners.stream().filter(org -> recent.stream().anyMatch(m -> m.orgs().contains(org))).toList();
        terms.add(Term.of("breadth", 25, (double) present.size() / all, ids(recent),
                share(present.size(), all) + " came to a meeting in the last " + p.breadthDays() + " days"
                        + missingOrgs(c, partners, present)));
        var layered = c.meetingsWithin(p.layersDays());
        boolean leadership = layered.stream().anyMatch(Context::leadership);
        boolean working = layered.stream().anyMatch(m -> !Context.leadership(m));
        terms.add(Term.of("layers", 15, leadership && working ? 1 : 0, ids(layered), leadership && working
                ? "the partnership met at both levels in the last " + p.layersDays() + " days: leadership (board or"
                        + " steering) and working (operational or workshop)"
                : "in the last " + p.layersDays() + " days the partnership met "
                        + (leadership ? "only at leadership level (board or steering)"
                                : working ? "only at working level (operational or workshop)" : "at neither level")));
        var sectors = c.facts.sectors();
        terms.add(Term.of("cross-sector", 10, sectors.size() >= 2 ? 1 : 0, List.of(c.facts.formationId),
                "the partners come from " + (sectors.size() == 1 ? "one sector" : sectors.size() + " sectors") + ": "
                        + String.join(", ", sectors.stream().map(Context::words).sorted().toList())));
        // Unlike the funding terms, commitment is expected of every partner of a joint effort from
        // the first meeting on; only cooperative partners, who keep resources separate, are exempt.
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed("commitment", 10, "cooperative partners keep resources separate"));
        } else {
            var committed = partners.stream().filter(c.facts.resourcesByOrg::containsKey).toList();
            terms.add(Term.of("commitment", 10, (double) committed.size() / all,
                    committed.stream().flatMap(o -> c.facts.resourcesByOrg.get(o).stream()).toList(),
                    share(committed.size(), all) + " committed staff, money or in-kind resources"));
        }
        return terms;
    }

    private static String share(int some, int all) {
        return share(some, all, "partner");
    }

    /** "both partners", "all 3 partners", "none of the 3 partners"; for measures with a verb: "the only measure is not". */
    private static String share(int some, int all, String noun) {
        boolean partner = noun.equals("partner");
        if (all == 1 && !partner) {
            return "the only " + noun + (some == 1 ? " is" : " is not");
        }
        var verb = partner ? "" : some == 1 ? " is" : " are";
        return (some == all ? (all == 2 ? "both " + noun + "s" : "all " + all + " " + noun + "s")
                : some == 0 ? "none of the " + all + " " + noun + "s" : some + " of " + all + " " + noun + "s") + verb;
    }

    private static String missingOrgs(Context c, java.util.Collection<String> partners, List<String> present) {
        var absent = partners.stream().filter(o -> !present.contains(o)).map(c::name).toList();
        return absent.isEmpty() || absent.size() == partners.size() ? "" : " (not " + String.join(", ", absent) + ")";
    }

    static List<Adjustment> engagementAdjustments(Context c) {
        if (c.facts.meetings.isEmpty()) {
            return List.of();
        }
        return c.vacantPosts().stream().findFirst().map(v -> List.of(new Adjustment("vacancy", -10, null,
                List.of(v.eventId), post(c, v) + " has been vacant since " + v.changedOn + ", more than "
                        + c.params.vacancyDays() + " days"))).orElse(List.of());
    }

    // --- Momentum ------------------------------------------------------------------------------

    static List<Term> momentumTerms(Context c) {
        var p = c.params;
        var terms = new ArrayList<Term>();
        var measures = c.facts.measures.values().stream().filter(m -> m.active).toList();
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed("measures-defined", 20, "cooperative partners plan nothing jointly"));
        } else if (c.facts.measures.isEmpty() && c.age() < p.measuresExpectedFromDay()) {
            terms.add(Term.notAssessed("measures-defined", 20, "measures of success are expected from day "
                    + p.measuresExpectedFromDay()));
        } else if (c.facts.measures.isEmpty()) {
            terms.add(Term.missing("measures-defined", 20, c.graceLeft(p.measuresExpectedFromDay()),
                    p.measuresExpectedFromDay(), "no measure of success recorded"));
        } else {
            var owned = measures.stream().filter(m -> m.ownerOrg != null && m.goalId != null).toList();
            terms.add(Term.of("measures-defined", 20, owned.isEmpty() ? 0 : 1, owned.stream().map(m -> m.eventId).toList(),
                    owned.isEmpty() ? "no active measure of success with an owner, tied to a goal"
                            : owned.size() == 1 ? "one measure of success with an owner, tied to a goal: " + owned.get(0).name
                                    : owned.size() + " measures of success with an owner, tied to a goal"));
        }
        if (measures.isEmpty()) {
            terms.add(Term.notAssessed("measures-current", 25, "no measure defined"));
            terms.add(Term.notAssessed("measures-direction", 20, "no measure defined"));
        } else {
            var current = measures.stream().filter(m -> !c.measureOverdue(m)).toList();
            terms.add(Term.of("measures-current", 25, (double) current.size() / measures.size(),
                    current.stream().map(m -> m.latestEventId == null ? m.eventId : m.latestEventId).toList(),
                    share(current.size(), measures.size(), "measure") + " up to date: a value recorded, or the measure"
                            + " defined, within one and a half times its cadence"));
            // Whether a measure beats its baseline is known only once it has a value.
            var valued = measures.stream().filter(m -> m.latestValue != null).toList();
            if (valued.isEmpty()) {
                terms.add(Term.notAssessed("measures-direction", 20, "no measure has a value recorded yet"));
            } else {
                var beating = valued.stream().filter(HealthAssessor::beatsBaseline).toList();
                terms.add(Term.of("measures-direction", 20, (double) beating.size() / valued.size(),
                        beating.stream().map(m -> m.latestEventId).toList(),
                        share(beating.size(), valued.size(), "measure") + " doing better than the baseline"));
            }
        }
        if (c.facts.milestones.isEmpty()) {
            terms.add(Term.notAssessed("milestones", 20, "no milestone set"));
        } else {
            var reached = c.facts.milestones.values().stream().filter(m -> m.reachedOn != null
                    && c.within(m.reachedOn, p.milestoneRecentDays())).toList();
            var overdue = c.facts.milestones.values().stream().filter(m -> m.status == MilestoneStatus.OPEN
                    && m.dueOn.isBefore(c.today)).toList();
            double value = (reached.isEmpty() ? 0 : 1) - 0.25 * overdue.size();
            terms.add(Term.of("milestones", 20, value, Stream.concat(reached.stream(), overdue.stream())
                    .map(m -> m.eventId).toList(), (reached.isEmpty() ? "no milestone reached in the last "
                            + p.milestoneRecentDays() + " days" : "a milestone reached in the last "
                            + p.milestoneRecentDays() + " days") + (overdue.isEmpty() ? ""
                                    : "; " + overdue.size() + (overdue.size() == 1 ? " milestone is" : " milestones are")
                                            + " past due (a quarter off each)")));
        }
        if (c.facts.pilotsStarted.isEmpty()) {
            terms.add(Term.notAssessed("scale", 15, "no pilot started"));
        } else {
            var scaled = c.facts.pilotsScaled.stream().filter(d -> c.fresh(d.on(), p.pilotScaledMonths())).toList();
            var started = c.facts.pilotsStarted.stream().filter(d -> c.fresh(d.on(), p.pilotStartedMonths())).toList();
            double value = !scaled.isEmpty() ? 1 : !started.isEmpty() ? 0.6 : 0;
            terms.add(Term.of("scale", 15, value, (scaled.isEmpty() ? started : scaled).stream()
                    .map(HealthFacts.Dated::eventId).toList(), !scaled.isEmpty() ? "a pilot was scaled to a new location"
                            + " in the last " + p.pilotScaledMonths() + " months"
                            : !started.isEmpty() ? "a pilot started in the last " + p.pilotStartedMonths()
                                    + " months, not yet scaled"
                                    : "no pilot started or scaled recently"));
        }
        return terms;
    }

    static boolean beatsBaseline(HealthFacts.Measure m) {
        if (m.latestValue == null) {
            return false;
        }
        int cmp = m.latestValue.compareTo(m.baseline);
        return switch (m.direction) {
            case INCREASE -> cmp > 0;
            case DECREASE -> cmp < 0;
            case MAINTAIN -> m.latestValue.subtract(m.baseline).abs()
                    .compareTo(m.baseline.abs().multiply(new BigDecimal("0.05"))) <= 0;
        };
    }

    // --- Overall and status --------------------------------------------------------------------

    static Integer overall(Map<HealthDimension, Dimension> dimensions, HealthParams p) {
        return weighted(dimensions, p, d -> true);
    }

    private static Integer weighted(Map<HealthDimension, Dimension> dimensions, HealthParams p,
            java.util.function.Predicate<Dimension> counted) {
        double sum = 0;
        double weights = 0;
        for (var e : dimensions.entrySet()) {
            if (e.getValue().score() != null && counted.test(e.getValue())) {
                double w = p.overallWeights().get(e.getKey());
                sum += w * e.getValue().score();
                weights += w;
            }
        }
        return weights == 0 ? null : (int) Math.round(sum / weights);
    }

    /**
     * RED reads only what was observed: a dimension low only for missing records does not make a
     * partnership RED (its alert and grace already prompt the record). {@code why} receives the
     * rule(s) that set the status, in words.
     */
    static Status status(Context c, Map<HealthDimension, Dimension> dimensions, Integer overall, List<Alert> alerts,
            List<String> why) {
        var p = c.params;
        long scored = dimensions.values().stream().filter(d -> d.score() != null).count();
        if (c.age() < p.notEnoughDataDays() || c.facts.meetings.isEmpty() || scored < p.minimumDimensions()) {
            if (c.age() < p.notEnoughDataDays()) {
                why.add("the partnership is " + c.age() + (c.age() == 1 ? " day" : " days") + " old; a status is given"
                        + " from day " + p.notEnoughDataDays());
            }
            if (c.facts.meetings.isEmpty()) {
                why.add("no meeting has been recorded yet");
            }
            if (scored < p.minimumDimensions()) {
                why.add("only " + scored + " of the 6 dimensions can be scored so far; " + p.minimumDimensions()
                        + " are needed");
            }
            return Status.NOT_ENOUGH_DATA;
        }
        Map<HealthDimension, Dimension> weak = new EnumMap<>(HealthDimension.class);
        dimensions.forEach((d, dim) -> {
            if (dim.score() != null && dim.score() < p.dimensionFloor()) {
                weak.put(d, dim);
            }
        });
        var weakObserved = weak.entrySet().stream().filter(e -> e.getValue().basis() == Basis.OBSERVED)
                .map(Map.Entry::getKey).toList();
        var weakMissing = weak.entrySet().stream().filter(e -> e.getValue().basis() == Basis.MISSING_RECORDS)
                .map(Map.Entry::getKey).toList();
        var observedOverall = weighted(dimensions, p, d -> d.basis() == Basis.OBSERVED);
        var critical = alerts.stream().filter(a -> a.severity() == Severity.CRITICAL).toList();
        var high = alerts.stream().filter(a -> a.severity() == Severity.HIGH).toList();
        var medium = alerts.stream().filter(a -> a.severity() == Severity.MEDIUM || a.severity() == Severity.LOW).toList();
        boolean red = false;
        if (observedOverall != null && observedOverall < p.red()) {
            why.add("the overall score over what was observed is " + observedOverall + ", below " + p.red());
            red = true;
        }
        if (!critical.isEmpty()) {
            why.add(count(critical.size(), "critical alert") + " open: " + codes(critical));
            red = true;
        }
        if (weakObserved.size() >= 2) {
            why.add(scores(dimensions, weakObserved) + " are below " + p.dimensionFloor());
            red = true;
        }
        if (red) {
            if (!weakMissing.isEmpty()) {
                why.add(missingRecords(dimensions, weakMissing, p.dimensionFloor(), "do not count towards RED"));
            }
            return Status.RED;
        }
        if (overall >= p.green() && weak.isEmpty() && high.isEmpty()) {
            why.add(0, "overall " + overall + ", no dimension below " + p.dimensionFloor()
                    + " and no high or critical alert" + (medium.isEmpty() ? ""
                            : "; " + count(medium.size(), "lesser alert") + " to talk about: " + codes(medium)));
            return Status.GREEN;
        }
        if (overall < p.green()) {
            why.add(0, "overall " + overall + " is below the " + p.green() + " needed for GREEN" + (overall < p.red()
                    && observedOverall != null ? "; over what was observed it is " + observedOverall + ", so not RED"
                    : ""));
        }
        if (weakObserved.size() == 1) {
            why.add(scores(dimensions, weakObserved) + " is below " + p.dimensionFloor());
        }
        if (!weakMissing.isEmpty()) {
            why.add(missingRecords(dimensions, weakMissing, p.dimensionFloor(), "hold back GREEN but cannot make it RED"));
        }
        if (!high.isEmpty()) {
            why.add(count(high.size(), "high alert") + " open: " + codes(high));
        }
        if (!medium.isEmpty()) {
            why.add(count(medium.size(), "lesser alert") + " open: " + codes(medium));
        }
        return Status.AMBER;
    }

    /** "momentum 28 is below 50 and rests mostly on records not yet made, so it ...": {@code effect} in the plural. */
    private static String missingRecords(Map<HealthDimension, Dimension> dimensions, List<HealthDimension> which,
            int floor, String effect) {
        boolean one = which.size() == 1;
        return scores(dimensions, which) + (one ? " is" : " are") + " below " + floor + " and " + (one ? "rests" : "rest")
                + " mostly on records not yet made, so " + (one ? "it " + singular(effect) : "they " + effect);
    }

    private static String singular(String effect) {
        return effect.replace("do not", "does not").replace("hold back", "holds back");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** "no agreement, no senior attendance (3)": each code in words, with how many when more than one. */
    private static String codes(List<Alert> alerts) {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        alerts.forEach(a -> counts.merge(Context.words(Enum.valueOf(Code.class, a.code())), 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + ")" : "")).toList());
    }

    /** The alert codes, to name them in words. */
    enum Code {
        FUNDING_CLIFF, NO_MEETING, POST_VACANT, LOW_TRUST_PAIR, TYPE_MISMATCH, HIGH_RISK_OPEN, NEW_LEADER_NOT_MET,
        NO_SENIOR_ATTENDANCE, GOAL_STALE, NO_SHARED_GOAL, NO_AGREEMENT, AGREEMENT_REVIEW_OVERDUE, NO_MEASURES,
        MEASURE_OVERDUE
    }

    private static String scores(Map<HealthDimension, Dimension> dimensions, List<HealthDimension> which) {
        return String.join(" and ", which.stream().map(d -> Context.words(d) + " " + dimensions.get(d).score()).toList());
    }

    static List<UUID> ids(List<HealthFacts.Meeting> meetings) {
        return meetings.stream().map(HealthFacts.Meeting::eventId).toList();
    }
}
