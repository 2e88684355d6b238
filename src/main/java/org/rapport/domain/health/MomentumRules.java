package org.rapport.domain.health;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rapport.domain.Partnership.MilestoneStatus;
import org.rapport.domain.PartnershipType;

/** Momentum: measures of success defined, kept up and beating their baselines, milestones reached, pilots scaled. */
final class MomentumRules {

    private MomentumRules() {
    }

    static List<Term> terms(Context c) {
        var p = c.params;
        var terms = new ArrayList<Term>();
        var measures = c.facts.measures.values().stream().filter(m -> m.active).toList();
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed(HealthRule.MEASURES_DEFINED, 20, "cooperative partners plan nothing jointly"));
        } else if (c.facts.measures.isEmpty() && c.age() < p.measuresExpectedFromDay()) {
            terms.add(Term.notAssessed(HealthRule.MEASURES_DEFINED, 20, "measures of success are expected from day "
                    + p.measuresExpectedFromDay()));
        } else if (c.facts.measures.isEmpty()) {
            terms.add(Term.missing(HealthRule.MEASURES_DEFINED, 20, c.graceLeft(p.measuresExpectedFromDay()),
                    p.measuresExpectedFromDay(), "no measure of success recorded"));
        } else {
            var owned = measures.stream().filter(m -> m.ownerOrg != null && m.goalId != null).toList();
            terms.add(Term.of(HealthRule.MEASURES_DEFINED, 20, owned.isEmpty() ? 0 : 1, owned.stream().map(m -> m.eventId).toList(),
                    owned.isEmpty() ? "no active measure of success with an owner, tied to a goal"
                            : owned.size() == 1 ? "one measure of success with an owner, tied to a goal: " + owned.get(0).name
                                    : owned.size() + " measures of success with an owner, tied to a goal"));
        }
        if (measures.isEmpty()) {
            terms.add(Term.notAssessed(HealthRule.MEASURES_CURRENT, 25, "no measure defined"));
            terms.add(Term.notAssessed(HealthRule.MEASURES_DIRECTION, 20, "no measure defined"));
        } else {
            var current = measures.stream().filter(m -> !c.measureOverdue(m)).toList();
            terms.add(Term.of(HealthRule.MEASURES_CURRENT, 25, (double) current.size() / measures.size(),
                    current.stream().map(m -> m.latestEventId == null ? m.eventId : m.latestEventId).toList(),
                    Context.share(current.size(), measures.size(), "measure") + " up to date: a value recorded, or the measure"
                            + " defined, within one and a half times its cadence"));
            // Whether a measure beats its baseline is known only once it has a value.
            var valued = measures.stream().filter(m -> m.latestValue != null).toList();
            if (valued.isEmpty()) {
                terms.add(Term.notAssessed(HealthRule.MEASURES_DIRECTION, 20, "no measure has a value recorded yet"));
            } else {
                var beating = valued.stream().filter(MomentumRules::beatsBaseline).toList();
                terms.add(Term.of(HealthRule.MEASURES_DIRECTION, 20, (double) beating.size() / valued.size(),
                        beating.stream().map(m -> m.latestEventId).toList(),
                        Context.share(beating.size(), valued.size(), "measure") + " doing better than the baseline"));
            }
        }
        if (c.facts.milestones.isEmpty()) {
            terms.add(Term.notAssessed(HealthRule.MILESTONES, 20, "no milestone set"));
        } else {
            var reached = c.facts.milestones.values().stream().filter(m -> m.reachedOn != null
                    && c.within(m.reachedOn, p.milestoneRecentDays())).toList();
            var overdue = c.facts.milestones.values().stream().filter(m -> m.status == MilestoneStatus.OPEN
                    && m.dueOn.isBefore(c.today)).toList();
            double value = (reached.isEmpty() ? 0 : 1) - 0.25 * overdue.size();
            terms.add(Term.of(HealthRule.MILESTONES, 20, value, Stream.concat(reached.stream(), overdue.stream())
                    .map(m -> m.eventId).toList(), (reached.isEmpty() ? "no milestone reached in the last "
                            + p.milestoneRecentDays() + " days" : "a milestone reached in the last "
                            + p.milestoneRecentDays() + " days") + (overdue.isEmpty() ? ""
                                    : "; " + overdue.size() + (overdue.size() == 1 ? " milestone is" : " milestones are")
                                            + " past due (a quarter off each)")));
        }
        if (c.facts.pilotsStarted.isEmpty()) {
            terms.add(Term.notAssessed(HealthRule.SCALE, 15, "no pilot started"));
        } else {
            var scaled = c.facts.pilotsScaled.stream().filter(d -> c.fresh(d.on(), p.pilotScaledMonths())).toList();
            var started = c.facts.pilotsStarted.stream().filter(d -> c.fresh(d.on(), p.pilotStartedMonths())).toList();
            double value = !scaled.isEmpty() ? 1 : !started.isEmpty() ? 0.6 : 0;
            terms.add(Term.of(HealthRule.SCALE, 15, value, (scaled.isEmpty() ? started : scaled).stream()
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
}
