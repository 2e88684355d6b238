package org.rapport.domain.health;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.domain.AgreementEnded;
import org.rapport.domain.AgreementSigned;
import org.rapport.domain.CapabilityAssessmentHeld;
import org.rapport.domain.ChairAppointed;
import org.rapport.domain.ContinuationPlanRecorded;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.LeadershipChanged;
import org.rapport.domain.MeasureDefined;
import org.rapport.domain.MeasureRecorded;
import org.rapport.domain.MeetingHeld;
import org.rapport.domain.PartnershipEvent;
import org.rapport.domain.PartnershipTypeConfirmed;
import org.rapport.domain.RiskResolved;
import org.rapport.domain.Seniority;
import org.rapport.domain.SharedGoalAgreed;
import org.rapport.domain.SharedGoalRevised;
import org.rapport.domain.health.Health.NextStep;

/**
 * What would help most: for each open alert and each expected item never recorded, the events
 * that would remedy it, weighed by the model itself (the health assessed with those events
 * recorded now) and ranked by what the overall would gain. Scores are prompts for a
 * conversation; the most useful prompt is what to do next.
 *
 * <p>A low trust rating is remedied by a conversation, then a new survey: its step is a meeting of
 * the pair's senior people. A paused or closed partnership has no next step: what is recorded
 * during a pause counts from the day it resumes.
 */
final class NextSteps {

    private NextSteps() {
    }

    /** A remedy before it is weighed. */
    record Remedy(List<String> addresses, String text, List<PartnershipEvent> events, HealthDimension home) {
    }

    /**
     * The steps for a partnership assessed in {@code c} (not paused or closed), weighed by folding
     * each remedy into a copy of its facts: a remedy happens now, after everything folded.
     */
    static List<NextStep> of(Context c, Instant asOf, Health health) {
        var steps = new ArrayList<NextStep>();
        for (var remedy : remedies(c, health)) {
            var facts = c.facts.copy();
            for (var e : remedy.events()) {
                facts.then(new HistoricEvent(remedyId(remedy, e), Long.MAX_VALUE, asOf, e));
            }
            var after = HealthAssessor.assess(new Context(facts, c.today, facts.clock(), c.params, null, null), asOf,
                    c.params);
            // The dimension that gains most; when none gains, the one the remedy is about.
            var dimension = Arrays.stream(HealthDimension.values())
                    .filter(d -> gain(health.score(d), after.score(d)) > 0)
                    .max(Comparator.comparingInt((HealthDimension d) -> gain(health.score(d), after.score(d)))
                            .thenComparing(d -> -d.ordinal()))
                    .orElse(remedy.home());
            steps.add(new NextStep(remedy.addresses(), remedy.text(), remedy.events(), dimension,
                    gain(health.overall(), after.overall()), gain(health.score(dimension), after.score(dimension))));
        }
        steps.sort(Comparator.comparing((NextStep s) -> -orZero(s.overallGain()))
                .thenComparing(s -> -orZero(s.dimensionGain())));
        return List.copyOf(steps);
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private static int gain(Integer before, Integer after) {
        return (after == null ? 0 : after) - (before == null ? 0 : before);
    }

    /** A stable id, so the same health always names the same remedies. */
    private static UUID remedyId(Remedy remedy, PartnershipEvent e) {
        return UUID.nameUUIDFromBytes((remedy.text() + "|" + e).getBytes(StandardCharsets.UTF_8));
    }

    static List<Remedy> remedies(Context c, Health health) {
        var open = health.alerts().stream().collect(Collectors.groupingBy(Health.Alert::code, LinkedHashMap::new,
                Collectors.toList()));
        var missing = health.dimensions().values().stream().flatMap(d -> d.reasons().stream())
                .filter(r -> r.kind() == Health.ReasonKind.EXPECTED)
                .map(Health.Reason::rule).collect(Collectors.toSet());
        var remedies = new ArrayList<Remedy>();
        var today = c.today;
        var partners = List.copyOf(c.facts.partnerIds());

        // Funding ending within the plan horizon with no agreed plan: a funding cliff is one of them.
        var unplanned = c.facts.fundings.values().stream().filter(f -> f.active && f.endsOn != null
                && !f.endsOn.isAfter(today.plusMonths(c.params.planHorizonMonths())) && !c.agreedPlan(f.fundingId))
                .toList();
        if (!unplanned.isEmpty()) {
            var addresses = codes(open, AlertCode.FUNDING_CLIFF.name());
            addresses.add(HealthRule.PLAN.wire());
            remedies.add(new Remedy(addresses, "Agree a continuation plan for "
                    + String.join(" and ", unplanned.stream().map(f -> Context.funding(f) + " (ends " + f.endsOn + ")")
                            .toList()),
                    List.of(new ContinuationPlanRecorded(fresh("continuation-plan", c.facts.plans.keySet()),
                            unplanned.stream().map(f -> f.fundingId).toList(),
                            ContinuationPlanRecorded.Route.REPLACEMENT_BID, ContinuationPlanRecorded.Status.AGREED,
                            BigDecimal.ONE)), HealthDimension.SUSTAINABILITY));
        }
        var meetingAlerts = codes(open, AlertCode.NO_MEETING.name(), AlertCode.NO_SENIOR_ATTENDANCE.name(), AlertCode.NEW_LEADER_NOT_MET.name());
        if (missing.contains(HealthRule.FORUM.wire())) {
            meetingAlerts.add("forum");
        }
        if (!meetingAlerts.isEmpty() && partners.size() >= 2) {
            remedies.add(new Remedy(meetingAlerts, "Hold a board meeting with a senior person from every partner"
                    + (open.containsKey(AlertCode.NEW_LEADER_NOT_MET.name()) ? ", new post-holders included" : ""),
                    List.of(fullMeeting(c)), HealthDimension.ENGAGEMENT));
        }
        for (var v : c.vacantPosts()) {
            remedies.add(new Remedy(List.of(AlertCode.POST_VACANT.name()), "Record who now holds the post: "
                    + c.post(v), List.of(new LeadershipChanged(v.orgId, v.role,
                            "new-" + v.role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                                    + (v.orgId == null ? "" : "-" + v.orgId), today, true)), HealthDimension.ENGAGEMENT));
        }
        var survey = c.freshSurvey();
        if (open.containsKey(AlertCode.LOW_TRUST_PAIR.name()) && survey != null) {
            c.surveyResponses(survey).stream().filter(r -> Context.meanRating(r.getValue()) < c.params.pairConcern())
                    .map(r -> List.of(r.getValue().respondentOrg(), r.getValue().ratedOrg()))
                    .filter(pair -> c.facts.partnerIds().containsAll(pair)).distinct()
                    .forEach(pair -> remedies.add(new Remedy(List.of(AlertCode.LOW_TRUST_PAIR.name()), "Bring the senior people of "
                            + c.name(pair.get(0)) + " and " + c.name(pair.get(1)) + " together to talk about what would"
                            + " rebuild trust, then ask again in a new survey", List.of(new MeetingHeld(
                                    MeetingHeld.MeetingFormat.IN_PERSON, MeetingHeld.MeetingKind.WORKSHOP, pair.stream()
                                            .map(o -> new MeetingHeld.Attendee("senior-" + o, o, Seniority.EXECUTIVE))
                                            .toList())), HealthDimension.TRUST)));
        }
        if (open.containsKey(AlertCode.TYPE_MISMATCH.name())) {
            var mismatched = c.mismatchedTypes();
            remedies.add(new Remedy(List.of(AlertCode.TYPE_MISMATCH.name()), "Agree together that this is a "
                    + Context.words(c.facts.type) + " partnership, and record each partner's confirmation",
                    mismatched.stream().map(o -> (PartnershipEvent) new PartnershipTypeConfirmed(o.orgId(), c.facts.type))
                            .toList(), HealthDimension.ALIGNMENT));
        }
        c.facts.risks.entrySet().stream().filter(e -> c.overdueHighRisks().contains(e.getValue()))
                .forEach(e -> remedies.add(new Remedy(List.of(AlertCode.HIGH_RISK_OPEN.name()), "Mitigate the high "
                        + Context.words(e.getValue().category) + " risk raised on " + e.getValue().raisedOn
                        + " and record it", List.of(new RiskResolved(e.getKey(), RiskResolved.Outcome.MITIGATED)), HealthDimension.GOVERNANCE)));
        var primary = c.primaryGoal();
        if (open.containsKey(AlertCode.GOAL_STALE.name()) && primary != null) {
            remedies.add(new Remedy(List.of(AlertCode.GOAL_STALE.name()), "Revisit the shared goal " + Context.statement(primary.getValue())
                    + " with every partner and record that they reaffirm it", List.of(new SharedGoalRevised(
                            primary.getKey(), SharedGoalRevised.Change.REAFFIRMED, null, partners)), HealthDimension.ALIGNMENT));
        }
        if (primary == null && (open.containsKey(AlertCode.NO_SHARED_GOAL.name()) || missing.contains(HealthRule.SINGLE_GOAL.wire()))) {
            remedies.add(new Remedy(codesAnd(open, AlertCode.NO_SHARED_GOAL.name(), missing, HealthRule.COVERAGE, HealthRule.FRESHNESS,
                    HealthRule.SINGLE_GOAL),
                    "Agree one shared primary goal, endorsed by every partner", List.of(new SharedGoalAgreed(
                            fresh("shared-goal", c.facts.goals.keySet()), "Our shared goal", true, partners)), HealthDimension.ALIGNMENT));
        }
        if (open.containsKey(AlertCode.NO_AGREEMENT.name()) || missing.contains(HealthRule.AGREEMENT.wire())) {
            remedies.add(new Remedy(codesAnd(open, AlertCode.NO_AGREEMENT.name(), missing, HealthRule.AGREEMENT),
                    "Sign terms of reference with every partner, covering roles, decisions, resources, risk, conflict,"
                            + " data, exit and review", List.of(termsOfReference(c, today)), HealthDimension.GOVERNANCE));
        }
        for (var e : c.facts.agreements.entrySet()) {
            var a = e.getValue();
            if (a.inForce && c.pastReview(a)) {
                remedies.add(new Remedy(List.of(AlertCode.AGREEMENT_REVIEW_OVERDUE.name()), "Review the " + Context.agreement(a.kind)
                        + " with every partner and sign its renewal", List.of(
                                new AgreementEnded(e.getKey(), AgreementEnded.Reason.REPLACED),
                                new AgreementSigned(fresh(e.getKey() + "-renewed", c.facts.agreements.keySet()), a.kind,
                                        partners, today, today.plusMonths(12), allCovers())), HealthDimension.GOVERNANCE));
            }
        }
        if ((open.containsKey(AlertCode.NO_MEASURES.name()) || missing.contains(HealthRule.MEASURES_DEFINED.wire())) && primary != null) {
            remedies.add(new Remedy(codesAnd(open, AlertCode.NO_MEASURES.name(), missing, HealthRule.MEASURES_DEFINED), "Define a measure of"
                    + " success for the goal " + Context.statement(primary.getValue()) + ", owned by one partner",
                    List.of(new MeasureDefined(fresh("measure", c.facts.measures.keySet()), primary.getKey(),
                            partners.get(0), "A measure of success", BigDecimal.ZERO, MeasureDefined.Direction.INCREASE,
                            null, MeasureDefined.Cadence.QUARTERLY)), HealthDimension.MOMENTUM));
        }
        var overdue = c.facts.measures.entrySet().stream().filter(e -> e.getValue().active
                && c.measureOverdue(e.getValue())).toList();
        if (!overdue.isEmpty()) {
            remedies.add(new Remedy(List.of(AlertCode.MEASURE_OVERDUE.name()), "Record the latest value of "
                    + String.join(", ", overdue.stream().map(e -> "\"" + e.getValue().name + "\"").toList()),
                    overdue.stream().map(e -> (PartnershipEvent) new MeasureRecorded(e.getKey(), today,
                            e.getValue().latestValue == null ? e.getValue().baseline : e.getValue().latestValue))
                            .toList(), HealthDimension.MOMENTUM));
        }
        if (missing.contains(HealthRule.CHAIR.wire())) {
            remedies.add(new Remedy(List.of(HealthRule.CHAIR.wire()), "Appoint an independent chair or facilitator", List.of(
                    new ChairAppointed(ChairAppointed.Role.INDEPENDENT_CHAIR, "independent-chair", null)), HealthDimension.GOVERNANCE));
        }
        if (missing.contains(HealthRule.CAPABILITY.wire()) && partners.size() >= 1) {
            remedies.add(new Remedy(List.of(HealthRule.CAPABILITY.wire()), "Hold a capability assessment with the chief executives"
                    + " present", List.of(new CapabilityAssessmentHeld(partners, true)), HealthDimension.ALIGNMENT));
        }
        return remedies;
    }

    /** A board meeting with a senior person of every partner: the new post-holders where a post changed hands. */
    static MeetingHeld fullMeeting(Context c) {
        var newcomers = new LinkedHashMap<String, String>();
        String independent = null;
        for (var change : c.facts.leadership) {
            if (change.incomingRef != null && change.filledOn != null) {
                if (change.orgId == null) {
                    independent = change.incomingRef;
                } else {
                    newcomers.put(change.orgId, change.incomingRef);
                }
            }
        }
        var attendees = new ArrayList<MeetingHeld.Attendee>();
        for (var org : c.facts.partnerIds()) {
            attendees.add(new MeetingHeld.Attendee(newcomers.getOrDefault(org, "senior-" + org), org,
                    Seniority.EXECUTIVE));
        }
        if (independent != null) {
            attendees.add(new MeetingHeld.Attendee(independent, null, Seniority.EXECUTIVE));
        }
        return new MeetingHeld(MeetingHeld.MeetingFormat.IN_PERSON, MeetingHeld.MeetingKind.BOARD, attendees);
    }

    static AgreementSigned termsOfReference(Context c, LocalDate today) {
        return new AgreementSigned(fresh("terms-of-reference", c.facts.agreements.keySet()),
                AgreementSigned.Kind.TERMS_OF_REFERENCE, List.copyOf(c.facts.partnerIds()), today,
                today.plusMonths(12), allCovers());
    }

    private static List<AgreementSigned.Covers> allCovers() {
        return List.of(AgreementSigned.Covers.values());
    }

    private static List<String> codes(Map<String, ?> open, String... codes) {
        var list = new ArrayList<String>();
        for (var code : codes) {
            if (open.containsKey(code)) {
                list.add(code);
            }
        }
        return list;
    }

    private static List<String> codesAnd(Map<String, ?> open, String code, Set<String> missing, HealthRule... rules) {
        var list = codes(open, code);
        for (var rule : rules) {
            if (missing.contains(rule.wire())) {
                list.add(rule.wire());
            }
        }
        return list;
    }

    /** An id not used yet: {@code prefix}, or {@code prefix-2}, {@code prefix-3}... */
    static String fresh(String prefix, Set<String> taken) {
        if (!taken.contains(prefix)) {
            return prefix;
        }
        for (int i = 2;; i++) {
            if (!taken.contains(prefix + "-" + i)) {
                return prefix + "-" + i;
            }
        }
    }
}
