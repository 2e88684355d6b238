package org.rapport.domain;

/** An open risk left the register. */
public record RiskResolved(String riskId, Outcome outcome) implements PartnershipEvent {

    public enum Outcome {
        MITIGATED, ACCEPTED, LAPSED
    }

    @Override
    public void validate(Validation v) {
        v.ref("riskId", riskId);
        v.required("outcome", outcome);
    }
}
