package org.rapport.domain.health;

import java.util.ArrayList;
import java.util.List;
import org.rapport.domain.PartnershipType;

/** Engagement: senior people, every partner, both levels and sectors at the table, resources committed, posts filled. */
final class EngagementRules {

    private EngagementRules() {
    }

    static List<Term> terms(Context c) {
        var p = c.params;
        if (c.facts.meetings.isEmpty()) {
            return List.of(Term.notAssessed(HealthRule.SENIOR, 40, "no meeting yet"),
                    Term.notAssessed(HealthRule.BREADTH, 25, "no meeting yet"),
                    Term.notAssessed(HealthRule.LAYERS, 15, "no meeting yet"),
                    Term.notAssessed(HealthRule.CROSS_SECTOR, 10, "no meeting yet"),
                    Term.notAssessed(HealthRule.COMMITMENT, 10, "no meeting yet"));
        }
        var terms = new ArrayList<Term>();
        var partners = c.facts.partnerIds();
        int all = partners.size();
        var recentSenior = c.meetingsWithin(p.seniorDays());
        var withSenior = partners.stream().filter(org -> recentSenior.stream().anyMatch(m -> m.seniorFrom(org))).toList();
        terms.add(Term.of(HealthRule.SENIOR, 40, (double) withSenior.size() / all, Context.ids(recentSenior),
                Context.share(withSenior.size(), all) + " had a senior person (an executive or director) at a meeting in the last "
                        + p.seniorDays() + " days" + c.missingOrgs(partners, withSenior)));
        var recent = c.meetingsWithin(p.breadthDays());
        var present = partners.stream().filter(org -> recent.stream().anyMatch(m -> m.orgs().contains(org))).toList();
        terms.add(Term.of(HealthRule.BREADTH, 25, (double) present.size() / all, Context.ids(recent),
                Context.share(present.size(), all) + " came to a meeting in the last " + p.breadthDays() + " days"
                        + c.missingOrgs(partners, present)));
        var layered = c.meetingsWithin(p.layersDays());
        boolean leadership = layered.stream().anyMatch(Context::leadership);
        boolean working = layered.stream().anyMatch(m -> !Context.leadership(m));
        terms.add(Term.of(HealthRule.LAYERS, 15, leadership && working ? 1 : 0, Context.ids(layered), leadership && working
                ? "the partnership met at both levels in the last " + p.layersDays() + " days: leadership (board or"
                        + " steering) and working (operational or workshop)"
                : "in the last " + p.layersDays() + " days the partnership met "
                        + (leadership ? "only at leadership level (board or steering)"
                                : working ? "only at working level (operational or workshop)" : "at neither level")));
        var sectors = c.facts.sectors();
        terms.add(Term.of(HealthRule.CROSS_SECTOR, 10, sectors.size() >= 2 ? 1 : 0, List.of(c.facts.formationId),
                "the partners come from " + (sectors.size() == 1 ? "one sector" : sectors.size() + " sectors") + ": "
                        + String.join(", ", sectors.stream().map(Context::words).sorted().toList())));
        // Unlike the funding terms, commitment is expected of every partner of a joint effort from
        // the first meeting on; only cooperative partners, who keep resources separate, are exempt.
        if (c.facts.type == PartnershipType.COOPERATIVE) {
            terms.add(Term.notAssessed(HealthRule.COMMITMENT, 10, "cooperative partners keep resources separate"));
        } else {
            var committed = partners.stream().filter(c.facts.resourcesByOrg::containsKey).toList();
            terms.add(Term.of(HealthRule.COMMITMENT, 10, (double) committed.size() / all,
                    committed.stream().flatMap(o -> c.facts.resourcesByOrg.get(o).stream()).toList(),
                    Context.share(committed.size(), all) + " committed staff, money or in-kind resources"));
        }
        return terms;
    }

    static List<Adjustment> adjustments(Context c) {
        if (c.facts.meetings.isEmpty()) {
            return List.of();
        }
        return c.vacantPosts().stream().findFirst().map(v -> List.of(new Adjustment(HealthRule.VACANCY, -10, null,
                List.of(v.eventId), c.post(v) + " has been vacant since " + v.changedOn + ", more than "
                        + c.params.vacancyDays() + " days"))).orElse(List.of());
    }
}
