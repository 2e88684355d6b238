package org.rapport.domain.health;

import java.util.ArrayList;
import java.util.List;
import org.rapport.domain.PartnershipType;

/** Alignment: a shared goal every partner endorses and revisits, one understanding of the partnership, and capability. */
final class AlignmentRules {

    private AlignmentRules() {
    }

    static List<Term> terms(Context c) {
        var p = c.params;
        var terms = new ArrayList<Term>();
        var primary = c.primaryGoal();
        boolean secondment = c.facts.type == PartnershipType.SECONDMENT;
        if (primary == null && c.age() < p.goalExpectedFromDay()) {
            String why = "a shared goal is expected from day " + p.goalExpectedFromDay();
            if (!secondment) {
                terms.add(Term.notAssessed(HealthRule.COVERAGE, 50, why));
            }
            terms.add(Term.notAssessed(HealthRule.FRESHNESS, 25, why));
            terms.add(Term.notAssessed(HealthRule.SINGLE_GOAL, 10, why));
        } else if (primary == null) {
            double grace = c.graceLeft(p.goalExpectedFromDay());
            int from = p.goalExpectedFromDay();
            if (!secondment) {
                terms.add(Term.missing(HealthRule.COVERAGE, 50, grace, from, "no shared primary goal recorded for partners to endorse"));
            }
            terms.add(Term.missing(HealthRule.FRESHNESS, 25, grace, from, "no shared primary goal recorded to revisit"));
            terms.add(Term.missing(HealthRule.SINGLE_GOAL, 10, grace, from, "no shared primary goal recorded"));
        } else {
            var goal = primary.getValue();
            var ids = List.of(goal.lastEventId);
            var statement = Context.statement(goal);
            if (!secondment) {
                long endorsing = c.facts.partnerIds().stream().filter(goal.endorsedBy::contains).count();
                int all = c.facts.partners.size();
                terms.add(Term.of(HealthRule.COVERAGE, 50, (double) endorsing / all, ids, Context.share((int) endorsing, all)
                        + " endorse the primary goal " + statement));
            }
            double months = c.monthsSince(goal.lastAgreedOn);
            double fresh = months <= p.goalFreshMonths() ? 1
                    : Math.max(0, 1 - (months - p.goalFreshMonths()) / (p.goalStaleMonths() - p.goalFreshMonths()));
            terms.add(Term.of(HealthRule.FRESHNESS, 25, fresh, ids, "the primary goal was agreed or last revisited on "
                    + goal.lastAgreedOn + (fresh == 1 ? ", within " + p.goalFreshMonths() + " months"
                            : fresh == 0 ? ", more than " + p.goalStaleMonths() + " months ago"
                                    : ", " + (long) months + " months ago (it counts fully for " + p.goalFreshMonths()
                                            + " months and nothing after " + p.goalStaleMonths() + ")")));
            terms.add(Term.of(HealthRule.SINGLE_GOAL, 10, 1, ids, "one primary goal: " + statement));
        }
        if (secondment) {
            terms.add(Term.notAssessed(HealthRule.TYPE_UNDERSTOOD, 10, "a secondment is commissioned work"));
        } else {
            var confirmed = c.facts.partners.values().stream().filter(o -> o.understoodType() != null).toList();
            if (confirmed.isEmpty()) {
                terms.add(Term.notAssessed(HealthRule.TYPE_UNDERSTOOD, 10, "no partner has confirmed the partnership type"));
            } else {
                long matching = confirmed.stream().filter(o -> o.understoodType() == c.facts.type).count();
                int all = c.facts.partners.size();
                terms.add(Term.of(HealthRule.TYPE_UNDERSTOOD, 10, (double) matching / all,
                        confirmed.stream().map(HealthFacts.Org::confirmationId).toList(),
                        Context.share((int) matching, all) + " have confirmed they"
                                + " understand the partnership as " + Context.words(c.facts.type)));
            }
        }
        var capability = c.facts.capability;
        if (capability == null && c.age() < p.capabilityExpectedFromDay()) {
            terms.add(Term.notAssessed(HealthRule.CAPABILITY, 5, "a capability assessment is expected from day "
                    + p.capabilityExpectedFromDay()));
        } else if (capability == null) {
            terms.add(Term.missing(HealthRule.CAPABILITY, 5, c.graceLeft(p.capabilityExpectedFromDay()),
                    p.capabilityExpectedFromDay(), "no capability assessment recorded"));
        } else {
            boolean ok = c.facts.capabilityWithChiefExecutives && c.fresh(capability.on(), p.capabilityMonths());
            terms.add(Term.of(HealthRule.CAPABILITY, 5, ok ? 1 : 0, List.of(capability.eventId()),
                    ok ? "capability assessed with the chief executives present on " + capability.on()
                            : "no capability assessment with the chief executives present in the last "
                                    + p.capabilityMonths() + " months (the last was on " + capability.on() + ")"));
        }
        return terms;
    }

    static List<Adjustment> adjustments(Context c) {
        if (c.facts.type == PartnershipType.SECONDMENT) {
            return List.of();
        }
        var mismatched = c.mismatchedTypes();
        if (mismatched.isEmpty()) {
            return List.of();
        }
        return List.of(new Adjustment(HealthRule.TYPE_MISMATCH, 0, c.params.typeMismatchCap(),
                mismatched.stream().map(HealthFacts.Org::confirmationId).toList(),
                String.join(", ", mismatched.stream().map(o -> c.name(o.orgId()) + " understands it as "
                        + Context.words(o.understoodType())).toList()) + ", while the partnership was formed as "
                        + Context.words(c.facts.type)));
    }
}
