package org.rapport.domain.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.rapport.domain.ContinuationPlanRecorded;
import org.rapport.domain.PartnershipType;

/** Sustainability: runway, continuation plans, capacity committed and funders diverse enough, and the funding cliff. */
final class SustainabilityRules {

    private SustainabilityRules() {
    }

    static List<Term> terms(Context c) {
        var p = c.params;
        if (c.facts.fundings.isEmpty() && c.facts.resourcesByOrg.isEmpty()) {
            return List.of(Term.notAssessed(HealthRule.RUNWAY, 40, "no funding or resource commitment recorded"),
                    Term.notAssessed(HealthRule.PLAN, 30, "no funding recorded"),
                    Term.notAssessed(HealthRule.CAPACITY, 20, "no resource commitment recorded"),
                    Term.notAssessed(HealthRule.DIVERSITY, 10, "no funding recorded"));
        }
        var terms = new ArrayList<Term>();
        terms.add(runway(c));
        terms.add(plan(c));
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed(HealthRule.CAPACITY, 20, "cooperative partners keep resources separate"));
            terms.add(Term.notAssessed(HealthRule.DIVERSITY, 10, "cooperative partners keep resources separate"));
        } else {
            var staffing = c.facts.partnerIds().stream().filter(org -> c.facts.resourcesByOrg.containsKey(org)).toList();
            terms.add(Term.of(HealthRule.CAPACITY, 20, staffing.size() >= 2 ? 1 : 0,
                    staffing.stream().flatMap(o -> c.facts.resourcesByOrg.get(o).stream()).toList(),
                    (staffing.isEmpty() ? "no partner has" : staffing.size() == 1 ? "only " + c.name(staffing.get(0))
                            + " has" : staffing.size() + " partners have") + " committed resources (at least 2 are expected)"));
            var funders = c.activeFunding().map(f -> f.funderName).distinct().toList();
            terms.add(Term.of(HealthRule.DIVERSITY, 10, funders.size() >= 2 ? 1 : 0, c.activeFunding().map(f -> f.eventId).toList(),
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
            return Term.of(HealthRule.RUNWAY, 40, 0, ids, "no funding is active");
        }
        var open = active.stream().filter(f -> f.endsOn == null).findFirst();
        if (open.isPresent()) {
            return Term.of(HealthRule.RUNWAY, 40, 1, ids, Context.funding(open.get()) + " has no end date");
        }
        var last = active.stream().max(Comparator.comparing(f -> f.endsOn)).orElseThrow();
        double months = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(c.today, last.endsOn)) / 30.44;
        double runway = Math.min(months / c.params.runwayMonths(), 1);
        return Term.of(HealthRule.RUNWAY, 40, runway, ids, "the last active funding, " + Context.funding(last) + ", runs to "
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
            return Term.of(HealthRule.PLAN, 30, 1, List.of(), "no funding ends within the next " + p.planHorizonMonths()
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
        return Term.of(HealthRule.PLAN, 30, covered / total, ids, text);
    }

    static List<Adjustment> adjustments(Context c) {
        var cliff = c.nearestCliff();
        if (cliff == null) {
            return List.of();
        }
        var p = c.params;
        int cap = cliff.days() <= p.cliffCriticalDays() ? p.cliffCriticalCap() : p.cliffHighCap();
        return List.of(new Adjustment(HealthRule.FUNDING_CLIFF, 0, cap, List.of(cliff.funding().eventId),
                Context.funding(cliff.funding()) + " ends on " + cliff.funding().endsOn + ", in " + cliff.days()
                        + " days, with no agreed continuation plan"));
    }
}
