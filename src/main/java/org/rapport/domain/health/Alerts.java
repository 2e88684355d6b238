package org.rapport.domain.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.rapport.domain.PartnershipType;
import org.rapport.domain.health.Health.Alert;
import org.rapport.domain.health.Health.Severity;

/**
 * The alerts: each names its code, severity, the first day its condition held (and the day it
 * reached its severity, when later), the events behind it, and a one-line prompt for the
 * conversation it should start, in the partnership's own words: names, never ids.
 */
final class Alerts {

    private Alerts() {
    }

    static List<Alert> of(Context c) {
        var alerts = new ArrayList<Alert>();
        fundingCliff(c, alerts);
        noMeeting(c, alerts);
        postVacant(c, alerts);
        lowTrustPairs(c, alerts);
        typeMismatch(c, alerts);
        highRisks(c, alerts);
        newLeaders(c, alerts);
        noSeniorAttendance(c, alerts);
        goals(c, alerts);
        agreements(c, alerts);
        measures(c, alerts);
        alerts.sort(Comparator.comparing(Alert::severity).thenComparing(Alert::code).thenComparing(Alert::since));
        return List.copyOf(alerts);
    }

    private static Alert alert(String code, Severity severity, java.time.LocalDate since, List<UUID> ids, String prompt) {
        return new Alert(code, severity, since, null, ids, prompt);
    }

    /** Since the funding came within 180 days of its end (or was secured, if later); critical from 90 days. */
    static void fundingCliff(Context c, List<Alert> alerts) {
        var p = c.params;
        var cliff = c.nearestCliff();
        if (cliff == null) {
            return;
        }
        var f = cliff.funding();
        var since = later(f.endsOn.minusDays(p.cliffHighDays()), f.securedOn);
        boolean critical = cliff.days() <= p.cliffCriticalDays();
        var criticalSince = later(f.endsOn.minusDays(p.cliffCriticalDays()), f.securedOn);
        alerts.add(new Alert(AlertCode.FUNDING_CLIFF.name(), critical ? Severity.CRITICAL : Severity.HIGH, since,
                critical && criticalSince.isAfter(since) ? criticalSince : null, List.of(f.eventId),
                capitalised(Context.funding(f)) + " ends on " + f.endsOn + " with no agreed continuation plan: what"
                        + " happens to the work and the staff after that day, and who is writing the plan?"));
    }

    /** Since the day after the 60th active day without a meeting of all partners. */
    static void noMeeting(Context c, List<Alert> alerts) {
        var p = c.params;
        var facts = c.facts;
        if (c.age() < p.noMeetingDays()) {
            return;
        }
        var lastAll = facts.meetings.stream().filter(m -> m.orgs().containsAll(facts.partnerIds()))
                .max(Comparator.comparing(HealthFacts.Meeting::on));
        if (lastAll.isPresent() && c.within(lastAll.get().on(), p.noMeetingDays())) {
            return;
        }
        var since = lastAll.map(m -> c.after(m.on(), p.noMeetingDays() + 1)).orElse(c.ageDay(p.noMeetingDays()));
        alerts.add(alert(AlertCode.NO_MEETING.name(), Severity.HIGH, since, lastAll.map(m -> List.of(m.eventId())).orElse(List.of()),
                (lastAll.isPresent() ? "All partners last met on " + lastAll.get().on()
                        : "All partners have not met since the partnership was formed")
                        + ": when will everyone be in the same room again?"));
    }

    static void postVacant(Context c, List<Alert> alerts) {
        for (var v : c.vacantPosts()) {
            alerts.add(alert(AlertCode.POST_VACANT.name(), Severity.HIGH, c.after(v.changedOn, c.params.vacancyDays() + 1),
                    List.of(v.eventId), capitalised(c.post(v)) + " has been vacant since " + v.changedOn
                            + ": who speaks for " + (v.orgId == null ? "the partnership" : c.name(v.orgId))
                            + " in the meantime?"));
        }
    }

    /** Who rated whom low, in the direction it happened, in the latest recent survey. */
    static void lowTrustPairs(Context c, List<Alert> alerts) {
        var p = c.params;
        var survey = c.freshSurvey();
        if (survey == null) {
            return;
        }
        for (var r : c.surveyResponses(survey)) {
            double pair = Context.meanRating(r.getValue());
            if (pair < p.pairConcern()) {
                var respondent = c.name(r.getValue().respondentOrg());
                var rated = c.name(r.getValue().ratedOrg());
                alerts.add(alert(AlertCode.LOW_TRUST_PAIR.name(), pair < p.pairCritical() ? Severity.CRITICAL : Severity.HIGH,
                        survey.on(), List.of(r.getKey()), respondent + " rated " + rated + " " + Context.rating(pair)
                                + " of 5 on average (trust, reliability, openness and shared interest) in the survey of "
                                + survey.on() + ": what would it take for " + respondent + " to trust " + rated
                                + " more?"));
            }
        }
    }

    /** Since the day of the first confirmation that disagreed, among partners who still disagree. */
    static void typeMismatch(Context c, List<Alert> alerts) {
        var facts = c.facts;
        var mismatched = c.mismatchedTypes();
        if (facts.type == PartnershipType.SECONDMENT || mismatched.isEmpty()) {
            return;
        }
        var confirmations = facts.typeConfirmations;
        var since = mismatched.stream().map(o -> confirmations.get(o.confirmationId())).filter(java.util.Objects::nonNull)
                .min(java.time.LocalDate::compareTo).orElse(c.today);
        alerts.add(alert(AlertCode.TYPE_MISMATCH.name(), Severity.HIGH, since, mismatched.stream()
                .map(HealthFacts.Org::confirmationId).toList(), String.join(" and ", mismatched.stream()
                        .map(o -> c.name(o.orgId()) + " understands the partnership as "
                                + Context.words(o.understoodType())).toList())
                        + ", but it was formed as " + Context.words(facts.type)
                        + ": agree together what kind of partnership this is."));
    }

    static void highRisks(Context c, List<Alert> alerts) {
        var p = c.params;
        for (var r : c.overdueHighRisks()) {
            alerts.add(alert(AlertCode.HIGH_RISK_OPEN.name(), Severity.HIGH, c.after(r.raisedOn, p.riskOverdueDays() + 1),
                    List.of(r.eventId), "A high " + Context.words(r.category) + " risk has been open since "
                            + r.raisedOn + ": what is being done about it, and by whom?"));
        }
    }

    static void newLeaders(Context c, List<Alert> alerts) {
        var facts = c.facts;
        for (var change : facts.leadership) {
            if (change.incomingRef == null || change.filledOn == null) {
                continue;
            }
            boolean met = facts.meetings.stream().anyMatch(m -> !m.on().isBefore(change.filledOn)
                    && (change.orgId == null ? m.attendedBy(change.incomingRef) : m.orgs().contains(change.orgId)));
            if (!met) {
                alerts.add(alert(AlertCode.NEW_LEADER_NOT_MET.name(), Severity.MEDIUM, change.filledOn,
                        change.fillEventId == null ? List.of(change.eventId) : List.of(change.fillEventId),
                        "The new " + Context.words(change.role) + (change.orgId == null ? " of the partnership"
                                : " at " + c.name(change.orgId)) + " (since " + change.filledOn
                                + ") has not met the partnership yet: who will introduce them?"));
            }
        }
    }

    /** Per partner, since the day after the 90th active day without a senior person of theirs at a meeting. */
    static void noSeniorAttendance(Context c, List<Alert> alerts) {
        var p = c.params;
        var facts = c.facts;
        if (facts.meetings.isEmpty() || c.age() < p.seniorDays()) {
            return;
        }
        var recent = c.meetingsWithin(p.seniorDays());
        for (var org : facts.partnerIds()) {
            if (recent.stream().noneMatch(m -> m.seniorFrom(org))) {
                var last = facts.meetings.stream().filter(m -> m.seniorFrom(org)).map(HealthFacts.Meeting::on)
                        .max(java.time.LocalDate::compareTo);
                var since = last.map(d -> c.after(d, p.seniorDays() + 1)).orElse(later(c.ageDay(p.seniorDays()),
                        facts.joinedOn.getOrDefault(org, facts.formedOn)));
                alerts.add(alert(AlertCode.NO_SENIOR_ATTENDANCE.name(), Severity.MEDIUM, since, Context.ids(recent),
                        c.name(org) + (last.isPresent() ? " last had a senior person at a meeting on " + last.get()
                                : " has not had a senior person at a meeting") + ": is the partnership still a priority"
                                + " for its leaders?"));
            }
        }
    }

    static void goals(Context c, List<Alert> alerts) {
        var p = c.params;
        var primary = c.primaryGoal();
        if (primary != null && c.monthsSince(primary.getValue().lastAgreedOn) >= p.goalFreshMonths()) {
            var goal = primary.getValue();
            alerts.add(alert(AlertCode.GOAL_STALE.name(), Severity.MEDIUM, c.monthsAfter(goal.lastAgreedOn, p.goalFreshMonths()),
                    List.of(goal.lastEventId), "The shared goal " + Context.statement(goal) + " has not been revisited"
                            + " since " + goal.lastAgreedOn + ": is it still what everyone is working towards?"));
        }
        if (primary == null && c.age() >= p.goalExpectedFromDay()) {
            var retired = c.facts.goals.values().stream().filter(g -> !g.active && g.primary)
                    .map(g -> g.retiredOn).filter(java.util.Objects::nonNull).max(java.time.LocalDate::compareTo);
            alerts.add(alert(AlertCode.NO_SHARED_GOAL.name(), Severity.MEDIUM, later(c.ageDay(p.goalExpectedFromDay()),
                    retired.orElse(null)), List.of(), "There is no shared primary goal after "
                            + p.goalExpectedFromDay() + " days: what single thing are the partners trying to achieve"
                            + " together?"));
        }
    }

    static void agreements(Context c, List<Alert> alerts) {
        var p = c.params;
        var facts = c.facts;
        var inForce = facts.agreements.values().stream().filter(a -> a.inForce).toList();
        if (facts.type != PartnershipType.COOPERATIVE && inForce.isEmpty() && c.age() >= p.agreementExpectedFromDay()) {
            var ended = facts.agreements.values().stream().map(a -> a.endedOn).filter(java.util.Objects::nonNull)
                    .max(java.time.LocalDate::compareTo);
            alerts.add(alert(AlertCode.NO_AGREEMENT.name(), Severity.MEDIUM, later(c.ageDay(p.agreementExpectedFromDay()),
                    ended.orElse(null)), List.of(), (ended.isPresent() ? "No agreement has been in force since "
                            + ended.get() : "No agreement has been signed") + ": are roles, decisions and how to leave"
                            + " written down anywhere?"));
        }
        for (var a : inForce) {
            if (c.pastReview(a)) {
                alerts.add(alert(AlertCode.AGREEMENT_REVIEW_OVERDUE.name(), Severity.MEDIUM, a.reviewBy.plusDays(1),
                        List.of(a.eventId), "The " + Context.agreement(a.kind) + " was due for review on " + a.reviewBy
                                + ": does it still describe how the partners work together?"));
            }
        }
    }

    static void measures(Context c, List<Alert> alerts) {
        var p = c.params;
        var facts = c.facts;
        var active = facts.measures.values().stream().filter(m -> m.active).toList();
        if (facts.type != PartnershipType.COOPERATIVE && active.isEmpty() && c.age() >= p.measuresExpectedFromDay()) {
            var retired = facts.measures.values().stream().map(m -> m.retiredOn).filter(java.util.Objects::nonNull)
                    .max(java.time.LocalDate::compareTo);
            alerts.add(alert(AlertCode.NO_MEASURES.name(), Severity.MEDIUM, later(c.ageDay(p.measuresExpectedFromDay()),
                    retired.orElse(null)), List.of(), "There is no measure of success after "
                            + p.measuresExpectedFromDay() + " days: how will the partners know it is working?"));
        }
        for (var m : active) {
            if (c.measureOverdue(m)) {
                var last = Context.lastUpdate(m);
                alerts.add(alert(AlertCode.MEASURE_OVERDUE.name(), Severity.LOW, c.after(last, c.overdueAfter(m) + 1),
                        List.of(m.latestEventId == null ? m.eventId : m.latestEventId), "The measure \"" + m.name
                                + "\" has had no new value since " + last + ": who owns the next figure?"));
            }
        }
    }

    private static java.time.LocalDate later(java.time.LocalDate a, java.time.LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
