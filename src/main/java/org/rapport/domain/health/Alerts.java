package org.rapport.domain.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.rapport.domain.PartnershipType;
import org.rapport.domain.health.Health.Alert;
import org.rapport.domain.health.Health.Severity;
import org.rapport.domain.health.HealthAssessor.Context;

/**
 * The alerts: each names its code, severity, since when, the events behind it, and a one-line
 * prompt for the conversation it should start. Scores are prompts, not verdicts.
 */
final class Alerts {

    private Alerts() {
    }

    static List<Alert> of(Context c) {
        var p = c.params;
        var facts = c.facts;
        var alerts = new ArrayList<Alert>();

        var cliff = c.nearestCliff();
        if (cliff != null) {
            var f = cliff.funding();
            alerts.add(new Alert("FUNDING_CLIFF", cliff.days() <= p.cliffCriticalDays() ? Severity.CRITICAL
                    : Severity.HIGH, f.endsOn.minusDays(p.cliffHighDays()), List.of(f.eventId),
                    "Funding " + f.fundingId + " ends on " + f.endsOn + " with no agreed plan: what happens to the "
                            + "work and the staff after that day, and who is writing the plan?"));
        }

        if (c.age() >= p.noMeetingDays()) {
            var lastAll = facts.meetings.stream().filter(m -> m.orgs().containsAll(facts.partnerIds()))
                    .max(Comparator.comparing(HealthFacts.Meeting::on));
            if (lastAll.isEmpty() || !c.within(lastAll.get().on(), p.noMeetingDays())) {
                alerts.add(new Alert("NO_MEETING", Severity.HIGH,
                        lastAll.map(m -> m.on().plusDays(p.noMeetingDays())).orElse(facts.formedOn.plusDays(
                                p.noMeetingDays())), lastAll.map(m -> List.of(m.eventId())).orElse(List.of()),
                        "No meeting of all partners in " + p.noMeetingDays() + " days: when will everyone be in the "
                                + "same room again?"));
            }
        }

        for (var v : c.vacantPosts()) {
            alerts.add(new Alert("POST_VACANT", Severity.HIGH, v.changedOn.plusDays(p.vacancyDays()),
                    List.of(v.eventId), "The " + v.role + (v.orgId == null ? " of the partnership" : " of " + v.orgId)
                            + " has been vacant since " + v.changedOn + ": who speaks for them meanwhile?"));
        }

        var survey = c.latestSurvey();
        if (survey != null && c.fresh(survey.on(), p.surveyFreshMonths())) {
            for (var r : c.surveyResponses(survey)) {
                double pair = HealthAssessor.meanRating(r);
                if (pair < p.pairConcern()) {
                    alerts.add(new Alert("LOW_TRUST_PAIR", pair < p.pairCritical() ? Severity.CRITICAL : Severity.HIGH,
                            survey.on(), List.of(r.getKey()), r.getValue().respondentOrg() + " rated "
                                    + r.getValue().ratedOrg() + " " + HealthAssessor.round1(pair)
                                    + " of 5: what would it take for them to trust each other?"));
                }
            }
        }

        if (facts.type != PartnershipType.SECONDMENT && !c.mismatchedTypes().isEmpty()) {
            var mismatched = c.mismatchedTypes();
            alerts.add(new Alert("TYPE_MISMATCH", Severity.HIGH, c.today, mismatched.stream()
                    .map(HealthFacts.Org::confirmationId).toList(), "Partners understand the partnership "
                            + "differently (" + facts.type + " for some, " + mismatched.get(0).understoodType()
                            + " for others): agree what kind of partnership this is."));
        }

        for (var r : c.overdueHighRisks()) {
            alerts.add(new Alert("HIGH_RISK_OPEN", Severity.HIGH, r.raisedOn.plusDays(p.riskOverdueDays()),
                    List.of(r.eventId), "A high " + r.category + " risk has been open since " + r.raisedOn
                            + ": what is being done about it?"));
        }

        for (var change : facts.leadership) {
            if (change.incomingRef == null || change.filledOn == null) {
                continue;
            }
            boolean met = facts.meetings.stream().anyMatch(m -> !m.on().isBefore(change.filledOn)
                    && (change.orgId == null ? m.attendedBy(change.incomingRef) : m.orgs().contains(change.orgId)));
            if (!met) {
                alerts.add(new Alert("NEW_LEADER_NOT_MET", Severity.MEDIUM, change.filledOn,
                        change.fillEventId == null ? List.of(change.eventId) : List.of(change.fillEventId),
                        "A new " + change.role + (change.orgId == null ? "" : " at " + change.orgId)
                                + " has not met the partnership yet: who will introduce them?"));
            }
        }

        if (!facts.meetings.isEmpty() && c.age() >= p.seniorDays()) {
            var recent = c.meetingsWithin(p.seniorDays());
            for (var org : facts.partnerIds()) {
                if (recent.stream().noneMatch(m -> m.seniorFrom(org))) {
                    alerts.add(new Alert("NO_SENIOR_ATTENDANCE", Severity.MEDIUM, c.today, ids(recent),
                            org + " has had no senior person at a meeting in " + p.seniorDays()
                                    + " days: is the partnership still a priority for its leaders?"));
                }
            }
        }

        var primary = c.primaryGoal();
        if (primary != null && c.monthsSince(primary.getValue().lastAgreedOn) >= p.goalFreshMonths()) {
            var goal = primary.getValue();
            alerts.add(new Alert("GOAL_STALE", Severity.MEDIUM, goal.lastAgreedOn.plusMonths(p.goalFreshMonths()),
                    List.of(goal.lastEventId), "The shared goal has not been revisited since " + goal.lastAgreedOn
                            + ": is it still what everyone is working towards?"));
        }
        if (primary == null && c.age() >= p.goalExpectedFromDay()) {
            alerts.add(new Alert("NO_SHARED_GOAL", Severity.MEDIUM, facts.formedOn.plusDays(p.goalExpectedFromDay()),
                    List.of(), "No shared primary goal after " + p.goalExpectedFromDay()
                            + " days: what single thing are the partners trying to achieve together?"));
        }

        var inForce = facts.agreements.values().stream().filter(a -> a.inForce).toList();
        if (facts.type != PartnershipType.COOPERATIVE && inForce.isEmpty() && c.age() >= p.agreementExpectedFromDay()) {
            alerts.add(new Alert("NO_AGREEMENT", Severity.MEDIUM, facts.formedOn.plusDays(p.agreementExpectedFromDay()),
                    List.of(), "No agreement in force after " + p.agreementExpectedFromDay()
                            + " days: are roles, decisions and exit written down anywhere?"));
        }
        for (var a : inForce) {
            if (a.reviewBy != null && c.today.isAfter(a.reviewBy)) {
                alerts.add(new Alert("AGREEMENT_REVIEW_OVERDUE", Severity.MEDIUM, a.reviewBy, List.of(a.eventId),
                        "An agreement was due for review on " + a.reviewBy + ": does it still describe how you work?"));
            }
        }

        var activeMeasures = facts.measures.values().stream().filter(m -> m.active).toList();
        if (facts.type != PartnershipType.COOPERATIVE && activeMeasures.isEmpty()
                && c.age() >= p.measuresExpectedFromDay()) {
            alerts.add(new Alert("NO_MEASURES", Severity.MEDIUM, facts.formedOn.plusDays(p.measuresExpectedFromDay()),
                    List.of(), "No measure of success after " + p.measuresExpectedFromDay()
                            + " days: how will the partners know it is working?"));
        }
        for (var m : activeMeasures) {
            if (c.measureOverdue(m)) {
                var last = m.lastUpdatedOn == null ? m.definedOn : m.lastUpdatedOn;
                alerts.add(new Alert("MEASURE_OVERDUE", Severity.LOW, last, List.of(m.latestEventId == null ? m.eventId
                        : m.latestEventId), "A measure has not been updated since " + last
                                + ": who owns the next figure?"));
            }
        }
        alerts.sort(Comparator.comparing(Alert::severity).thenComparing(Alert::code));
        return List.copyOf(alerts);
    }

    private static List<UUID> ids(List<HealthFacts.Meeting> meetings) {
        return meetings.stream().map(HealthFacts.Meeting::eventId).toList();
    }

}
