package org.rapport.domain.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rapport.domain.ChairAppointed;
import org.rapport.domain.PartnershipType;

/** Governance: an agreement signed and covering what it should, a chair, a forum of all partners, a risk register. */
final class GovernanceRules {

    private GovernanceRules() {
    }

    static List<Term> terms(Context c) {
        var p = c.params;
        var terms = new ArrayList<Term>();
        var inForce = c.facts.agreements.values().stream().filter(a -> a.inForce).toList();
        boolean cooperative = c.facts.type == PartnershipType.COOPERATIVE;
        if (cooperative) {
            terms.add(Term.notAssessed(HealthRule.AGREEMENT, 35, "cooperative partners keep resources separate"));
            terms.add(Term.notAssessed(HealthRule.COVERAGE, 10, "cooperative partners keep resources separate"));
        } else if (c.facts.agreements.isEmpty() && c.age() < p.agreementExpectedFromDay()) {
            terms.add(Term.notAssessed(HealthRule.AGREEMENT, 35, "an agreement is expected from day "
                    + p.agreementExpectedFromDay()));
            terms.add(Term.notAssessed(HealthRule.COVERAGE, 10, "no agreement yet"));
        } else if (c.facts.agreements.isEmpty()) {
            terms.add(Term.missing(HealthRule.AGREEMENT, 35, c.graceLeft(p.agreementExpectedFromDay()),
                    p.agreementExpectedFromDay(), "no agreement recorded"));
            terms.add(Term.notAssessed(HealthRule.COVERAGE, 10, "no agreement yet"));
        } else {
            terms.add(agreementTerm(c, inForce));
            if (inForce.isEmpty()) {
                terms.add(Term.notAssessed(HealthRule.COVERAGE, 10, "no agreement in force"));
            } else {
                var best = inForce.stream().max(Comparator.comparingInt(a -> a.covers.size())).orElseThrow();
                var absent = java.util.Arrays.stream(org.rapport.domain.AgreementSigned.Covers.values())
                        .filter(m -> !best.covers.contains(m)).map(Context::words).toList();
                terms.add(Term.of(HealthRule.COVERAGE, 10, best.covers.size() / 8.0, List.of(best.eventId), "the "
                        + Context.agreement(best.kind) + " covers " + (absent.isEmpty()
                                ? "all 8 matters an agreement should: roles, decisions, resources, risk, conflict, data,"
                                        + " exit and review"
                                : best.covers.size() + " of the 8 matters an agreement should; not " + String.join(", ",
                                        absent))));
            }
        }
        var chair = c.facts.chair;
        if (chair == null && c.age() < p.chairExpectedFromDay()) {
            terms.add(Term.notAssessed(HealthRule.CHAIR, 10, "a chair or facilitator is expected from day "
                    + p.chairExpectedFromDay()));
        } else if (chair == null) {
            terms.add(Term.missing(HealthRule.CHAIR, 10, c.graceLeft(p.chairExpectedFromDay()), p.chairExpectedFromDay(),
                    "no chair or facilitator recorded, a helpful practice rather than a requirement"));
        } else {
            terms.add(Term.of(HealthRule.CHAIR, 10, chair.orgId() == null ? 1 : 0.75, List.of(c.facts.chairEventId),
                    chair.orgId() == null ? (chair.role() == ChairAppointed.Role.INDEPENDENT_CHAIR
                            ? "an independent chair is in place" : "an independent " + Context.words(chair.role())
                                    + " is in place")
                            : "the chair comes from a partner, " + c.name(chair.orgId())
                                    + " (an independent chair counts fully)"));
        }
        if (c.facts.meetings.isEmpty() && c.age() < p.forumExpectedFromDay()) {
            terms.add(Term.notAssessed(HealthRule.FORUM, 25, "no meeting yet"));
        } else if (c.facts.meetings.isEmpty()) {
            terms.add(Term.missing(HealthRule.FORUM, 25, c.graceLeft(p.forumExpectedFromDay()), p.forumExpectedFromDay(),
                    "no meeting recorded"));
        } else {
            var forum = c.facts.meetings.stream().filter(m -> c.within(m.on(), p.forumDays()))
                    .filter(Context::leadership)
                    .filter(m -> m.orgs().containsAll(c.facts.partnerIds()))
                    .max(Comparator.comparing(HealthFacts.Meeting::on));
            terms.add(Term.of(HealthRule.FORUM, 25, forum.isPresent() ? 1 : 0,
                    forum.map(m -> List.of(m.eventId())).orElse(List.of()),
                    forum.map(m -> "all partners met at a " + Context.words(m.meeting().kind()) + " meeting on " + m.on())
                            .orElse("no board or steering meeting of all partners in the last " + p.forumDays()
                                    + " days")));
        }
        if (c.facts.risks.isEmpty()) {
            terms.add(Term.notAssessed(HealthRule.RISK, 20, "no risk register kept yet"));
        } else {
            var overdue = c.overdueHighRisks();
            terms.add(Term.of(HealthRule.RISK, 20, 1 - 0.25 * overdue.size(), overdue.stream().map(r -> r.eventId).toList(),
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
            return Term.of(HealthRule.AGREEMENT, 35, 0, ids, "no agreement is in force now");
        }
        double share = partners.stream().mapToDouble(org -> inForce.stream()
                .filter(a -> a.signatories.contains(org))
                .mapToDouble(a -> c.pastReview(a) ? 0.5 : 1).max().orElse(0))
                .average().orElse(0);
        long signed = partners.stream().filter(org -> inForce.stream().anyMatch(a -> a.signatories.contains(org))).count();
        var overdue = inForce.stream().filter(a -> c.pastReview(a)).toList();
        var text = new StringBuilder(Context.share((int) signed, partners.size())).append(" have signed an agreement in force");
        if (!overdue.isEmpty()) {
            var a = overdue.get(0);
            text.append("; the ").append(Context.agreement(a.kind)).append(" was due for review on ").append(a.reviewBy)
                    .append(", so it counts half until it is reviewed");
        }
        return Term.of(HealthRule.AGREEMENT, 35, share, ids, text.toString());
    }
}
