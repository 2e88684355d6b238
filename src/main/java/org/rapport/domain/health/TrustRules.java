package org.rapport.domain.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.domain.MeetingHeld;
import org.rapport.domain.RiskRaised;

/** Trust: a relationship built by meetings of senior people over time, and what changes it. */
final class TrustRules {

    private TrustRules() {
    }

    /** "Trust took monthly meetings of senior leaders over years": credit per meeting, fading. */
    static List<Term> terms(Context c) {
        var p = c.params;
        if (c.facts.meetings.isEmpty() && c.latestSurvey() == null) {
            return List.of(Term.notAssessed(HealthRule.RELATIONSHIP, 1, "no meeting or trust survey yet"));
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
        return List.of(Term.of(HealthRule.RELATIONSHIP, 1, rel, ids, text.toString()));
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
        return c.credits.computeIfAbsent(m, x -> credit(c, x));
    }

    private static double credit(Context c, HealthFacts.Meeting m) {
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

    static List<Adjustment> adjustments(Context c) {
        var p = c.params;
        var adjustments = new ArrayList<Adjustment>();
        for (var change : c.facts.leadership) {
            double full = switch (change.role) {
                case PARTNERSHIP_LEAD -> p.leadPostChange();
                default -> p.chiefPostChange();
            };
            if (change.filledOn == null) {
                adjustments.add(new Adjustment(HealthRule.LEADERSHIP_CHANGE, full, null, List.of(change.eventId),
                        c.post(change) + " has been vacant since " + change.changedOn
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
            adjustments.add(new Adjustment(HealthRule.LEADERSHIP_CHANGE, points, null, ids, c.post(change) + " changed on "
                    + change.filledOn + (met.isPresent() ? "; the new post-holder has met the partnership, which halves the cost"
                            : " and the new post-holder has not met the partnership yet")
                    + " (the cost fades by half every " + p.adjustmentHalfLifeDays() + " days)"));
        }
        for (var e : c.facts.endorsedByAll) {
            adjustments.add(new Adjustment(HealthRule.GOAL_ENDORSED_BY_ALL,
                    p.goalEndorsedByAll() * c.decay(e.on(), p.adjustmentHalfLifeDays()), null, List.of(e.eventId()),
                    "every partner endorsed the shared goal on " + e.on()));
        }
        c.facts.risks.values().stream().filter(r -> r.open && r.category == RiskRaised.Category.RELATIONSHIP)
                .forEach(r -> adjustments.add(new Adjustment(HealthRule.RELATIONSHIP_RISK_OPEN,
                        p.relationshipRisk() * c.decay(r.raisedOn, p.adjustmentHalfLifeDays()), null,
                        List.of(r.eventId), "a risk to the relationship has been open since " + r.raisedOn)));
        for (var e : c.facts.leftInConflict) {
            adjustments.add(new Adjustment(HealthRule.PARTNER_LEFT_IN_CONFLICT,
                    p.partnerLeftInConflict() * c.decay(e.on(), p.adjustmentHalfLifeDays()), null,
                    List.of(e.eventId()), "a partner left in conflict on " + e.on()));
        }
        c.facts.fundings.values().stream().filter(f -> f.core && !f.active && !c.hasAnyPlan(f.fundingId))
                .forEach(f -> adjustments.add(new Adjustment(HealthRule.CORE_FUNDING_ENDED_WITHOUT_PLAN,
                        p.coreFundingEndedWithoutPlan() * c.decay(f.endedOn, p.adjustmentHalfLifeDays()), null,
                        List.of(f.endEventId), Context.funding(f) + " for core costs ended on " + f.endedOn
                                + " with no continuation plan")));
        return adjustments;
    }
}
