package org.rapport.domain;

/** An agreement in force ended. */
public record AgreementEnded(String agreementId, Reason reason) implements PartnershipEvent {

    public enum Reason {
        EXPIRED, REPLACED, TERMINATED
    }

    @Override
    public void validate(Validation v) {
        v.ref("agreementId", agreementId);
        v.required("reason", reason);
    }
}
