package org.rapport.domain.health;

import static org.rapport.domain.HealthDimension.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.rapport.domain.ContinuationPlanRecorded;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.LeadershipChanged;
import org.rapport.domain.MeetingHeld;
import org.rapport.domain.Partnership.MilestoneStatus;
import org.rapport.domain.PartnershipType;
import org.rapport.domain.RiskRaised;
import org.rapport.domain.health.Health.Alert;
import org.rapport.domain.health.Health.Confidence;
import org.rapport.domain.health.Health.Dimension;
import org.rapport.domain.health.Health.NotAssessed;
import org.rapport.domain.health.Health.Reason;
import org.rapport.domain.health.Health.Severity;
import org.rapport.domain.health.Health.Status;

/**
 * {@code assess(events, asOf, params)}: a partnership's health from the events that had occurred
 * by {@code asOf}. Each rule is a small named function: a term (its weight, its value in 0..1 or
 * "not assessed" and why, the events behind it) or an adjustment, cap or alert.
 *
 * <p>Evidence before judgement: a term applies only when its subject exists, or when its
 * absence has become a real gap (by age, by partnership type, by presence); the weights of a
 * dimension are renormalised over the terms that apply, and a dimension with none is null.
 */
public final class HealthAssessor {

    private HealthAssessor() {
    }

    /** A weighted part of a dimension: {@code value} null means not assessed, for {@code why}. */
    record Term(String rule, double weight, Double value, List<UUID> eventIds, String text, String why) {

        static Term of(String rule, double weight, double value, List<UUID> eventIds, String text) {
            return new Term(rule, weight, Math.max(0, Math.min(1, value)), eventIds, text, null);
        }

        static Term notAssessed(String rule, double weight, String why) {
            return new Term(rule, weight, null, List.of(), null, why);
        }

        boolean applies() {
            return value != null;
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
        var occurred = events.stream().filter(e -> !e.occurredAt().isAfter(asOf)).toList();
        var facts = HealthFacts.of(occurred);
        if (facts.formedOn == null) {
            // Asked about a moment before the partnership was formed (or known to be).
            var none = new EnumMap<HealthDimension, Dimension>(HealthDimension.class);
            for (var d : HealthDimension.values()) {
                none.put(d, new Dimension(null, Confidence.NONE, List.of(),
                        List.of(new NotAssessed("formation", "the partnership had not been formed"))));
            }
            return new Health(asOf, params.version(), Status.NOT_ENOUGH_DATA, null, Map.copyOf(none), List.of());
        }
        var today = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        Status frozen = null;
        if (facts.closedOn != null) {
            frozen = Status.CLOSED;
            today = facts.closedOn;
        } else if (facts.pausedOn != null) {
            frozen = Status.PAUSED;
            today = facts.pausedOn;
        }
        var ctx = new Context(facts, today, params);

        var dimensions = new EnumMap<HealthDimension, Dimension>(HealthDimension.class);
        dimensions.put(TRUST, ctx.dimension(TRUST, trustTerms(ctx), trustAdjustments(ctx)));
        dimensions.put(ALIGNMENT, ctx.dimension(ALIGNMENT, alignmentTerms(ctx), alignmentAdjustments(ctx)));
        dimensions.put(GOVERNANCE, ctx.dimension(GOVERNANCE, governanceTerms(ctx), List.of()));
        dimensions.put(SUSTAINABILITY, ctx.dimension(SUSTAINABILITY, sustainabilityTerms(ctx),
                sustainabilityAdjustments(ctx)));
        dimensions.put(ENGAGEMENT, ctx.dimension(ENGAGEMENT, engagementTerms(ctx), engagementAdjustments(ctx)));
        dimensions.put(MOMENTUM, ctx.dimension(MOMENTUM, momentumTerms(ctx), List.of()));

        var overall = overall(dimensions, params);
        var alerts = Alerts.of(ctx);
        var status = frozen != null ? frozen : status(ctx, dimensions, overall, alerts);
        return new Health(asOf, params.version(), status, overall, Map.copyOf(dimensions), alerts);
    }

    // --- Trust ---------------------------------------------------------------------------------

    /** "Trust took monthly meetings of senior leaders over years": credit per meeting, fading. */
    static List<Term> trustTerms(Context c) {
        var p = c.params;
        var survey = c.latestSurvey();
        if (c.facts.meetings.isEmpty() && survey == null) {
            return List.of(Term.notAssessed("relationship", 1, "no meeting or trust survey yet"));
        }
        var counted = countedMeetings(c);
        double r = counted.stream().mapToDouble(m -> meetingCredit(c, m)).sum();
        double rel = 1 - Math.exp(-r / p.relationshipScale());
        var ids = counted.stream().map(HealthFacts.Meeting::eventId).toList();
        var text = counted.size() + " meeting(s) counted (one per " + p.meetingWindowDays()
                + " days), credit " + round1(r) + ": relationship " + Math.round(rel * 100);
        return List.of(Term.of("relationship", 1, rel, ids, text));
    }

    /**
     * At most one meeting counts in any 14-day window, the one with the most credit: meetings are
     * taken by credit (then date), each unless one already taken lies within the window. Only
     * the nearest taken dates on either side can lie within it.
     */
    static List<HealthFacts.Meeting> countedMeetings(Context c) {
        record Credited(HealthFacts.Meeting meeting, double credit) {
        }
        var byCredit = c.facts.meetings.stream().map(m -> new Credited(m, meetingCredit(c, m)))
                .sorted(Comparator.comparingDouble((Credited m) -> -m.credit())
                        .thenComparing(m -> m.meeting().on()))
                .toList();
        var taken = new java.util.TreeSet<LocalDate>();
        var counted = new ArrayList<HealthFacts.Meeting>();
        int window = c.params.meetingWindowDays();
        for (var credited : byCredit) {
            var on = credited.meeting().on();
            var before = taken.floor(on);
            var after = taken.ceiling(on);
            if ((before == null || ChronoUnit.DAYS.between(before, on) >= window)
                    && (after == null || ChronoUnit.DAYS.between(on, after) >= window)) {
                taken.add(on);
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

    static List<Adjustment> trustAdjustments(Context c) {
        var p = c.params;
        var adjustments = new ArrayList<Adjustment>();
        for (var change : c.facts.leadership) {
            double full = switch (change.role) {
                case PARTNERSHIP_LEAD -> p.leadPostChange();
                default -> p.chiefPostChange();
            };
            String who = change.role + (change.orgId == null ? " of the partnership" : " of " + change.orgId);
            if (change.filledOn == null) {
                adjustments.add(new Adjustment("leadership-change", full, null, List.of(change.eventId),
                        who + " vacant since " + change.changedOn + ": the cost does not fade while vacant"));
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
            adjustments.add(new Adjustment("leadership-change", points, null, ids, who + " changed on "
                    + change.filledOn + (met.isPresent() ? "; the new post-holder has met the partnership (halved)"
                            : "; the new post-holder has not met the partnership yet")));
        }
        for (var e : c.facts.endorsedByAll) {
            adjustments.add(new Adjustment("goal-endorsed-by-all",
                    p.goalEndorsedByAll() * c.decay(e.on(), p.adjustmentHalfLifeDays()), null, List.of(e.eventId()),
                    "every partner endorsed the shared goal on " + e.on()));
        }
        c.facts.risks.values().stream().filter(r -> r.open && r.category == RiskRaised.Category.RELATIONSHIP)
                .forEach(r -> adjustments.add(new Adjustment("relationship-risk-open",
                        p.relationshipRisk() * c.decay(r.raisedOn, p.adjustmentHalfLifeDays()), null,
                        List.of(r.eventId), "a relationship risk is open since " + r.raisedOn)));
        for (var e : c.facts.leftInConflict) {
            adjustments.add(new Adjustment("partner-left-in-conflict",
                    p.partnerLeftInConflict() * c.decay(e.on(), p.adjustmentHalfLifeDays()), null,
                    List.of(e.eventId()), "a partner left in conflict on " + e.on()));
        }
        c.facts.fundings.values().stream().filter(f -> f.core && !f.active && !c.hasAnyPlan(f.fundingId))
                .forEach(f -> adjustments.add(new Adjustment("core-funding-ended-without-plan",
                        p.coreFundingEndedWithoutPlan() * c.decay(f.endedOn, p.adjustmentHalfLifeDays()), null,
                        List.of(f.endEventId), "core funding " + f.fundingId + " ended on " + f.endedOn
                                + " with no continuation plan")));
        var survey = c.latestSurvey();
        if (survey != null && c.fresh(survey.on(), p.surveyFreshMonths())) {
            var responses = c.surveyResponses(survey);
            double mean = responses.stream().mapToDouble(HealthAssessor::meanRating).average().orElse(0);
            double sv = (mean - 1) / 4 * 100;
            adjustments.add(new Adjustment("trust-survey", Double.NaN, null,
                    responses.stream().map(Map.Entry::getKey).toList(),
                    "trust survey " + survey.surveyId() + " of " + survey.on() + ": mean rating " + round1(mean)
                            + " (" + Math.round(sv) + " of 100), weighted " + p.surveyWeight()));
            for (var r : responses) {
                double pair = meanRating(r);
                if (pair < p.pairConcern()) {
                    int cap = pair < p.pairCritical() ? p.pairCriticalCap() : p.pairConcernCap();
                    adjustments.add(new Adjustment("low-trust-pair", 0, cap, List.of(r.getKey()),
                            r.getValue().respondentOrg() + " rated " + r.getValue().ratedOrg() + " " + round1(pair)
                                    + ": trust at most " + cap));
                }
            }
        }
        return adjustments;
    }

    static double meanRating(Map.Entry<UUID, org.rapport.domain.TrustSurveyRecorded> response) {
        var s = response.getValue();
        return (s.trust() + s.reliability() + s.openness() + s.sharedInterest()) / 4.0;
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
            if (!secondment) {
                terms.add(Term.of("coverage", 50, 0, List.of(), "no primary shared goal after day "
                        + p.goalExpectedFromDay()));
            }
            terms.add(Term.of("freshness", 25, 0, List.of(), "no primary shared goal to revisit"));
            terms.add(Term.of("single-goal", 10, 0, List.of(), "no primary shared goal"));
        } else {
            var goal = primary.getValue();
            var ids = List.of(goal.lastEventId);
            if (!secondment) {
                long endorsing = c.facts.partnerIds().stream().filter(goal.endorsedBy::contains).count();
                terms.add(Term.of("coverage", 50, (double) endorsing / c.facts.partners.size(), ids,
                        endorsing + " of " + c.facts.partners.size() + " partners endorse the primary goal"));
            }
            long months = c.monthsSince(goal.lastAgreedOn);
            double fresh = months <= p.goalFreshMonths() ? 1
                    : Math.max(0, 1 - (double) (months - p.goalFreshMonths()) / (p.goalStaleMonths() - p.goalFreshMonths()));
            terms.add(Term.of("freshness", 25, fresh, ids, "the primary goal was agreed or revisited on "
                    + goal.lastAgreedOn));
            terms.add(Term.of("single-goal", 10, 1, ids, "one primary goal: " + primary.getKey()));
        }
        if (secondment) {
            terms.add(Term.notAssessed("type-understood", 10, "a secondment is commissioned work"));
        } else {
            var confirmed = c.facts.partners.values().stream().filter(o -> o.understoodType() != null).toList();
            if (confirmed.isEmpty()) {
                terms.add(Term.notAssessed("type-understood", 10, "no partner has confirmed the partnership type"));
            } else {
                long matching = confirmed.stream().filter(o -> o.understoodType() == c.facts.type).count();
                terms.add(Term.of("type-understood", 10, (double) matching / c.facts.partners.size(),
                        confirmed.stream().map(HealthFacts.Org::confirmationId).toList(),
                        matching + " of " + c.facts.partners.size() + " partners understand the partnership as "
                                + c.facts.type));
            }
        }
        var capability = c.facts.capability;
        if (capability == null && c.age() < p.capabilityExpectedFromDay()) {
            terms.add(Term.notAssessed("capability", 5, "a capability assessment is expected from day "
                    + p.capabilityExpectedFromDay()));
        } else {
            boolean ok = capability != null && c.facts.capabilityWithChiefExecutives
                    && c.fresh(capability.on(), p.capabilityMonths());
            terms.add(Term.of("capability", 5, ok ? 1 : 0, capability == null ? List.of() : List.of(capability.eventId()),
                    ok ? "capability assessed with chief executives on " + capability.on()
                            : "no capability assessment with chief executives in " + p.capabilityMonths() + " months"));
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
                mismatched.stream().map(o -> o.orgId() + " understands it as " + o.understoodType()).toList()
                        + " while the partnership is " + c.facts.type));
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
        } else {
            double share = c.facts.partnerIds().stream().mapToDouble(org -> inForce.stream()
                    .filter(a -> a.signatories.contains(org))
                    .mapToDouble(a -> a.reviewBy != null && c.today.isAfter(a.reviewBy) ? 0.5 : 1).max().orElse(0))
                    .average().orElse(0);
            terms.add(Term.of("agreement", 35, share, inForce.stream().map(a -> a.eventId).toList(),
                    inForce.isEmpty() ? "no agreement in force"
                            : Math.round(share * 100) + "% of partners signed an agreement in force"
                                    + " (halved once past its review date)"));
            if (inForce.isEmpty()) {
                terms.add(Term.notAssessed("coverage", 10, "no agreement in force"));
            } else {
                var best = inForce.stream().max(Comparator.comparingInt(a -> a.covers)).orElseThrow();
                terms.add(Term.of("coverage", 10, best.covers / 8.0, List.of(best.eventId),
                        best.covers + " of 8 matters covered (roles, decisions, resources, risk, conflict, data, exit, review)"));
            }
        }
        var chair = c.facts.chair;
        double chairValue = chair == null ? 0 : chair.orgId() == null ? 1 : 0.75;
        terms.add(Term.of("chair", 10, chairValue, chair == null ? List.of() : List.of(c.facts.chairEventId),
                chair == null ? "no chair or facilitator (a helpful practice, not a requirement)"
                        : chair.orgId() == null ? "independent " + chair.role() : "partner chair from " + chair.orgId()));
        if (c.facts.meetings.isEmpty() && c.age() < p.forumDays()) {
            terms.add(Term.notAssessed("forum", 25, "no meeting yet"));
        } else {
            var forum = c.facts.meetings.stream().filter(m -> c.within(m.on(), p.forumDays()))
                    .filter(m -> m.meeting().kind() == MeetingHeld.MeetingKind.BOARD
                            || m.meeting().kind() == MeetingHeld.MeetingKind.STEERING)
                    .filter(m -> m.orgs().containsAll(c.facts.partnerIds()))
                    .max(Comparator.comparing(HealthFacts.Meeting::on));
            terms.add(Term.of("forum", 25, forum.isPresent() ? 1 : 0,
                    forum.map(m -> List.of(m.eventId())).orElse(List.of()),
                    forum.map(m -> "all partners met as a " + m.meeting().kind() + " on " + m.on())
                            .orElse("no all-partner board or steering meeting in " + p.forumDays() + " days")));
        }
        if (c.facts.risks.isEmpty()) {
            terms.add(Term.notAssessed("risk", 20, "no risk register kept yet"));
        } else {
            var overdue = c.overdueHighRisks();
            terms.add(Term.of("risk", 20, 1 - 0.25 * overdue.size(), overdue.stream().map(r -> r.eventId).toList(),
                    overdue.isEmpty() ? "a risk register is kept and no high risk is overdue"
                            : overdue.size() + " high risk(s) open for more than " + p.riskOverdueDays() + " days"));
        }
        return terms;
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
        var core = c.activeFunding().filter(f -> f.core).toList();
        double runway;
        String runwayText;
        if (core.isEmpty()) {
            runway = 0;
            runwayText = "no active core funding";
        } else if (core.stream().anyMatch(f -> f.endsOn == null)) {
            runway = 1;
            runwayText = "open-ended core funding";
        } else {
            var last = core.stream().map(f -> f.endsOn).max(LocalDate::compareTo).orElseThrow();
            double months = Math.max(0, ChronoUnit.DAYS.between(c.today, last)) / 30.44;
            runway = Math.min(months / p.runwayMonths(), 1);
            runwayText = "core funding runs to " + last + " (" + round1(months) + " months)";
        }
        terms.add(Term.of("runway", 40, runway, core.stream().map(f -> f.eventId).toList(), runwayText));

        var ending = c.activeFunding().filter(f -> f.endsOn != null && !f.endsOn.isAfter(
                c.today.plusMonths(p.planHorizonMonths()))).toList();
        if (ending.isEmpty()) {
            terms.add(Term.of("plan", 30, 1, List.of(), "no funding ends within " + p.planHorizonMonths() + " months"));
        } else {
            boolean oneCurrency = ending.stream().map(f -> f.currency).distinct().count() == 1;
            double total = 0;
            double covered = 0;
            var ids = new ArrayList<UUID>();
            for (var f : ending) {
                double weight = oneCurrency ? f.amount.doubleValue() : 1;
                total += weight;
                var plan = c.bestPlan(f.fundingId);
                if (plan != null) {
                    covered += weight * (plan.status() == ContinuationPlanRecorded.Status.AGREED ? 1 : 0.5);
                    ids.add(plan.eventId());
                }
                ids.add(f.eventId);
            }
            terms.add(Term.of("plan", 30, covered / total, ids, Math.round(covered / total * 100)
                    + "% of the funding ending within " + p.planHorizonMonths() + " months has a continuation plan"
                    + " (a draft counts half)"));
        }
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed("capacity", 20, "cooperative partners keep resources separate"));
            terms.add(Term.notAssessed("diversity", 10, "cooperative partners keep resources separate"));
        } else {
            var staffing = c.facts.partnerIds().stream().filter(org -> c.facts.resourcesByOrg.containsKey(org)).toList();
            terms.add(Term.of("capacity", 20, staffing.size() >= 2 ? 1 : 0,
                    staffing.stream().flatMap(o -> c.facts.resourcesByOrg.get(o).stream()).toList(),
                    staffing.size() + " partner(s) committed resources; at least 2 expected"));
            var funders = c.activeFunding().map(f -> f.funderId).distinct().count();
            terms.add(Term.of("diversity", 10, funders >= 2 ? 1 : 0, c.activeFunding().map(f -> f.eventId).toList(),
                    funders + " active funder(s); at least 2 expected"));
        }
        return terms;
    }

    static List<Adjustment> sustainabilityAdjustments(Context c) {
        var cliff = c.nearestCliff();
        if (cliff == null) {
            return List.of();
        }
        var p = c.params;
        int cap = cliff.days() <= p.cliffCriticalDays() ? p.cliffCriticalCap() : p.cliffHighCap();
        return List.of(new Adjustment("funding-cliff", 0, cap, List.of(cliff.funding().eventId),
                "funding " + cliff.funding().fundingId + " ends on " + cliff.funding().endsOn + " (" + cliff.days()
                        + " days) with no agreed continuation plan: sustainability at most " + cap));
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
        var recentSenior = c.meetingsWithin(p.seniorDays());
        var withSenior = partners.stream().filter(org -> recentSenior.stream().anyMatch(m -> m.seniorFrom(org))).toList();
        terms.add(Term.of("senior", 40, (double) withSenior.size() / partners.size(), ids(recentSenior),
                withSenior.size() + " of " + partners.size() + " partners had a senior person at a meeting in "
                        + p.seniorDays() + " days"));
        var recent = c.meetingsWithin(p.breadthDays());
        var present = partners.stream().filter(org -> recent.stream().anyMatch(m -> m.orgs().contains(org))).toList();
        terms.add(Term.of("breadth", 25, (double) present.size() / partners.size(), ids(recent),
                present.size() + " of " + partners.size() + " partners met in " + p.breadthDays() + " days"));
        var layered = c.meetingsWithin(p.layersDays());
        boolean board = layered.stream().anyMatch(m -> m.meeting().kind() == MeetingHeld.MeetingKind.BOARD
                || m.meeting().kind() == MeetingHeld.MeetingKind.STEERING);
        boolean operational = layered.stream().anyMatch(m -> m.meeting().kind() == MeetingHeld.MeetingKind.OPERATIONAL);
        terms.add(Term.of("layers", 15, board && operational ? 1 : 0, ids(layered), board && operational
                ? "both board/steering and operational meetings in " + p.layersDays() + " days"
                : "not both board/steering and operational meetings in " + p.layersDays() + " days"));
        var sectors = c.facts.sectors();
        terms.add(Term.of("cross-sector", 10, sectors.size() >= 2 ? 1 : 0, List.of(c.facts.formationId),
                "partners span " + sectors.size() + " sector(s): " + sectors));
        // Unlike the funding terms, commitment is expected of every partner of a joint effort from
        // the first meeting on; only cooperative partners, who keep resources separate, are exempt.
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed("commitment", 10, "cooperative partners keep resources separate"));
        } else {
            var committed = partners.stream().filter(c.facts.resourcesByOrg::containsKey).toList();
            terms.add(Term.of("commitment", 10, (double) committed.size() / partners.size(),
                    committed.stream().flatMap(o -> c.facts.resourcesByOrg.get(o).stream()).toList(),
                    committed.size() + " of " + partners.size() + " partners committed resources"));
        }
        return terms;
    }

    static List<Adjustment> engagementAdjustments(Context c) {
        if (c.facts.meetings.isEmpty()) {
            return List.of();
        }
        return c.vacantPosts().stream().findFirst().map(v -> List.of(new Adjustment("vacancy", -10, null,
                List.of(v.eventId), v.role + (v.orgId == null ? " of the partnership" : " of " + v.orgId)
                        + " vacant since " + v.changedOn))).orElse(List.of());
    }

    // --- Momentum ------------------------------------------------------------------------------

    static List<Term> momentumTerms(Context c) {
        var p = c.params;
        var terms = new ArrayList<Term>();
        var measures = c.facts.measures.values().stream().filter(m -> m.active).toList();
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed("measures-defined", 20, "cooperative partners plan nothing jointly"));
        } else if (measures.isEmpty() && c.age() < p.measuresExpectedFromDay()) {
            terms.add(Term.notAssessed("measures-defined", 20, "measures of success are expected from day "
                    + p.measuresExpectedFromDay()));
        } else {
            var owned = measures.stream().filter(m -> m.ownerOrg != null && m.goalId != null).toList();
            terms.add(Term.of("measures-defined", 20, owned.isEmpty() ? 0 : 1, owned.stream().map(m -> m.eventId).toList(),
                    owned.isEmpty() ? "no owned measure of success tied to a goal"
                            : owned.size() + " owned measure(s) tied to a goal"));
        }
        if (measures.isEmpty()) {
            terms.add(Term.notAssessed("measures-current", 25, "no measure defined"));
            terms.add(Term.notAssessed("measures-direction", 20, "no measure defined"));
        } else {
            var current = measures.stream().filter(m -> !c.measureOverdue(m)).toList();
            terms.add(Term.of("measures-current", 25, (double) current.size() / measures.size(),
                    current.stream().map(m -> m.latestEventId == null ? m.eventId : m.latestEventId).toList(),
                    current.size() + " of " + measures.size() + " measures updated within 1.5x their cadence"));
            var beating = measures.stream().filter(HealthAssessor::beatsBaseline).toList();
            terms.add(Term.of("measures-direction", 20, (double) beating.size() / measures.size(),
                    beating.stream().map(m -> m.latestEventId).toList(),
                    beating.size() + " of " + measures.size() + " measures beat their baseline"));
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
                    .map(m -> m.eventId).toList(), (reached.isEmpty() ? "no milestone reached in "
                            + p.milestoneRecentDays() + " days" : "a milestone reached in " + p.milestoneRecentDays()
                            + " days") + (overdue.isEmpty() ? "" : "; " + overdue.size() + " overdue")));
        }
        if (c.facts.pilotsStarted.isEmpty()) {
            terms.add(Term.notAssessed("scale", 15, "no pilot started"));
        } else {
            var scaled = c.facts.pilotsScaled.stream().filter(d -> c.fresh(d.on(), p.pilotScaledMonths())).toList();
            var started = c.facts.pilotsStarted.stream().filter(d -> c.fresh(d.on(), p.pilotStartedMonths())).toList();
            double value = !scaled.isEmpty() ? 1 : !started.isEmpty() ? 0.6 : 0;
            terms.add(Term.of("scale", 15, value, (scaled.isEmpty() ? started : scaled).stream()
                    .map(HealthFacts.Dated::eventId).toList(), !scaled.isEmpty() ? scaled.size()
                            + " pilot scaling(s) in " + p.pilotScaledMonths() + " months"
                            : !started.isEmpty() ? "a pilot started in " + p.pilotStartedMonths() + " months, not yet scaled"
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
        double sum = 0;
        double weights = 0;
        for (var e : dimensions.entrySet()) {
            if (e.getValue().score() != null) {
                double w = p.overallWeights().get(e.getKey());
                sum += w * e.getValue().score();
                weights += w;
            }
        }
        return weights == 0 ? null : (int) Math.round(sum / weights);
    }

    static Status status(Context c, Map<HealthDimension, Dimension> dimensions, Integer overall, List<Alert> alerts) {
        var p = c.params;
        long scored = dimensions.values().stream().filter(d -> d.score() != null).count();
        if (c.age() < p.notEnoughDataDays() || c.facts.meetings.isEmpty() || scored < p.minimumDimensions()) {
            return Status.NOT_ENOUGH_DATA;
        }
        long weak = dimensions.values().stream().filter(d -> d.score() != null && d.score() < p.dimensionFloor()).count();
        boolean critical = alerts.stream().anyMatch(a -> a.severity() == Severity.CRITICAL);
        boolean high = alerts.stream().anyMatch(a -> a.severity() == Severity.HIGH);
        if (overall < p.red() || critical || weak >= 2) {
            return Status.RED;
        }
        if (overall >= p.green() && weak == 0 && !high) {
            return Status.GREEN;
        }
        return Status.AMBER;
    }

    private static List<UUID> ids(List<HealthFacts.Meeting> meetings) {
        return meetings.stream().map(HealthFacts.Meeting::eventId).toList();
    }

    static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }

    // --- What every rule reads -----------------------------------------------------------------

    /** The facts, the day assessed and the parameters, with the questions rules share. */
    static final class Context {
        final HealthFacts facts;
        final LocalDate today;
        final HealthParams params;

        Context(HealthFacts facts, LocalDate today, HealthParams params) {
            this.facts = facts;
            this.today = today;
            this.params = params;
        }

        long age() {
            return Math.max(0, ChronoUnit.DAYS.between(facts.formedOn, today));
        }

        long daysSince(LocalDate d) {
            return Math.max(0, ChronoUnit.DAYS.between(d, today));
        }

        /** {@code 2^(-days since d / halfLife)}: days since a date are never negative. */
        double decay(LocalDate d, int halfLifeDays) {
            return Math.pow(2, -(double) daysSince(d) / halfLifeDays);
        }

        boolean within(LocalDate d, int days) {
            return daysSince(d) <= days;
        }

        long monthsSince(LocalDate d) {
            return d.isAfter(today) ? 0 : ChronoUnit.MONTHS.between(d, today);
        }

        boolean fresh(LocalDate d, int months) {
            return !d.isBefore(today.minusMonths(months));
        }

        List<HealthFacts.Meeting> meetingsWithin(int days) {
            return facts.meetings.stream().filter(m -> within(m.on(), days)).toList();
        }

        Map.Entry<String, HealthFacts.Goal> primaryGoal() {
            return facts.goals.entrySet().stream().filter(e -> e.getValue().active && e.getValue().primary)
                    .findFirst().orElse(null);
        }

        List<HealthFacts.Org> mismatchedTypes() {
            return facts.partners.values().stream()
                    .filter(o -> o.understoodType() != null && o.understoodType() != facts.type).toList();
        }

        Stream<HealthFacts.Funding> activeFunding() {
            return facts.fundings.values().stream().filter(f -> f.active);
        }

        boolean hasAnyPlan(String fundingId) {
            return facts.plans.values().stream().anyMatch(p -> p.fundingIds().contains(fundingId));
        }

        HealthFacts.Plan bestPlan(String fundingId) {
            return facts.plans.values().stream().filter(p -> p.fundingIds().contains(fundingId))
                    .max(Comparator.comparing(p -> p.status() == ContinuationPlanRecorded.Status.AGREED))
                    .orElse(null);
        }

        boolean agreedPlan(String fundingId) {
            var plan = bestPlan(fundingId);
            return plan != null && plan.status() == ContinuationPlanRecorded.Status.AGREED;
        }

        record Cliff(HealthFacts.Funding funding, long days) {
        }

        /**
         * Core funding, or any grant of at least 10% of active funding (within its currency),
         * ending within 180 days with no agreed continuation plan: the nearest one.
         */
        Cliff nearestCliff() {
            var totals = new HashMap<String, BigDecimal>();
            activeFunding().forEach(f -> totals.merge(f.currency, f.amount, BigDecimal::add));
            return activeFunding().filter(f -> f.endsOn != null)
                    .filter(f -> f.core || f.amount.doubleValue() >= params.cliffShare()
                            * totals.get(f.currency).doubleValue())
                    .filter(f -> !agreedPlan(f.fundingId))
                    .map(f -> new Cliff(f, Math.max(0, ChronoUnit.DAYS.between(today, f.endsOn))))
                    .filter(cliff -> cliff.days() <= params.cliffHighDays())
                    .min(Comparator.comparingLong(Cliff::days)).orElse(null);
        }

        List<HealthFacts.Risk> overdueHighRisks() {
            return facts.risks.values().stream().filter(r -> r.open && r.score >= params.riskSevere()
                    && daysSince(r.raisedOn) > params.riskOverdueDays()).toList();
        }

        List<HealthFacts.LeadershipPenalty> vacantPosts() {
            return facts.leadership.stream().filter(p -> p.filledOn == null
                    && daysSince(p.changedOn) > params.vacancyDays()).toList();
        }

        boolean measureOverdue(HealthFacts.Measure m) {
            int cadenceDays = switch (m.cadence) {
                case MONTHLY -> 30;
                case QUARTERLY -> 91;
                case ANNUAL -> 365;
            };
            var last = m.lastUpdatedOn == null ? m.definedOn : m.lastUpdatedOn;
            return daysSince(last) > cadenceDays * params.measureOverdueFactor();
        }

        record SurveyRef(String surveyId, LocalDate on) {
        }

        SurveyRef latestSurvey() {
            return facts.surveys.stream().max(Comparator.comparing(HealthFacts.Dated::on))
                    .map(d -> new SurveyRef(facts.surveyResponses.get(d.eventId()).surveyId(), d.on())).orElse(null);
        }

        List<Map.Entry<UUID, org.rapport.domain.TrustSurveyRecorded>> surveyResponses(SurveyRef survey) {
            return facts.surveyResponses.entrySet().stream()
                    .filter(e -> e.getValue().surveyId().equals(survey.surveyId())).toList();
        }

        /** Builds a dimension from its terms and adjustments: renormalised, adjusted, calibrated, capped. */
        Dimension dimension(HealthDimension dimension, List<Term> terms, List<Adjustment> adjustments) {
            var applicable = terms.stream().filter(Term::applies).toList();
            var notAssessed = terms.stream().filter(t -> !t.applies()).map(t -> new NotAssessed(t.rule(), t.why()))
                    .toList();
            if (applicable.isEmpty()) {
                return new Dimension(null, Confidence.NONE, List.of(), notAssessed);
            }
            double weights = applicable.stream().mapToDouble(Term::weight).sum();
            var reasons = new ArrayList<Reason>();
            double score = 0;
            for (var t : applicable) {
                double points = t.weight() * t.value() / weights * 100;
                score += points;
                reasons.add(new Reason(t.rule(), round1(points), t.eventIds(), t.text()));
            }
            Integer cap = null;
            for (var a : adjustments) {
                if (Double.isNaN(a.points())) {
                    continue;
                }
                if (a.points() != 0) {
                    score += a.points();
                    reasons.add(new Reason(a.rule(), round1(a.points()), a.eventIds(), a.text()));
                }
            }
            score = clamp(score);
            var survey = adjustments.stream().filter(a -> Double.isNaN(a.points())).findFirst();
            if (survey.isPresent()) {
                var s = latestSurvey();
                double mean = surveyResponses(s).stream().mapToDouble(HealthAssessor::meanRating).average().orElse(1);
                double sv = (mean - 1) / 4 * 100;
                double blended = (1 - params.surveyWeight()) * score + params.surveyWeight() * sv;
                reasons.add(new Reason(survey.get().rule(), round1(blended - score), survey.get().eventIds(),
                        survey.get().text()));
                score = blended;
            }
            var calibration = calibrate(dimension);
            if (calibration != null) {
                double blended = (1 - params.calibrationWeight()) * score + params.calibrationWeight() * calibration;
                reasons.add(new Reason("health-check", round1(blended - score), List.of(facts.healthCheckOn.eventId()),
                        facts.healthCheck.instrument() + " health check of " + facts.healthCheckOn.on() + ": "
                                + Math.round(calibration) + " of 100 for this dimension, weighted "
                                + params.calibrationWeight()));
                score = blended;
            }
            for (var a : adjustments) {
                if (a.cap() != null && score > a.cap()) {
                    reasons.add(new Reason(a.rule(), round1(a.cap() - score), a.eventIds(), a.text()));
                    score = a.cap();
                }
            }
            return new Dimension((int) Math.round(clamp(score)), confidence(dimension), List.copyOf(reasons),
                    notAssessed);
        }

        /** The health check's factors for this dimension, rescaled to 0-100; null when none applies. */
        Double calibrate(HealthDimension dimension) {
            var check = facts.healthCheck;
            if (check == null || !fresh(facts.healthCheckOn.on(), params.calibrationMonths())) {
                return null;
            }
            double min = check.scaleMin().doubleValue();
            double max = check.scaleMax().doubleValue();
            return check.factorScores().stream()
                    .filter(f -> Calibration.dimensionOf(check.instrument(), f) == dimension)
                    .mapToDouble(f -> (f.mean().doubleValue() - min) / (max - min) * 100)
                    .average().stream().boxed().findFirst().orElse(null);
        }

        Confidence confidence(HealthDimension dimension) {
            boolean instrument = calibrate(dimension) != null
                    || dimension == TRUST && latestSurvey() != null && fresh(latestSurvey().on(), 12);
            long recent = facts.evidence.getOrDefault(dimension, List.of()).stream()
                    .filter(d -> fresh(d.on(), 12)).count();
            if (instrument || recent >= 3) {
                return Confidence.HIGH;
            }
            return recent >= 1 ? Confidence.MEDIUM : Confidence.LOW;
        }

        private static double clamp(double score) {
            return Math.max(0, Math.min(100, score));
        }
    }
}
