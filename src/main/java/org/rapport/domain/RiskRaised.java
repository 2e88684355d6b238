package org.rapport.domain;

/** A risk entered the register, scored by likelihood and impact (1-4 each). */
public record RiskRaised(String riskId, Category category, Integer likelihood, Integer impact)
        implements PartnershipEvent {

    public enum Category {
        FUNDING, LEADERSHIP, RELATIONSHIP, DELIVERY, REPUTATIONAL, EXTERNAL, DATA
    }

    @Override
    public void validate(Validation v) {
        v.ref("riskId", riskId);
        v.required("category", category);
        v.range("likelihood", likelihood, 1, 4);
        v.range("impact", impact, 1, 4);
    }
}
