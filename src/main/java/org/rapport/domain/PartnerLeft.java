package org.rapport.domain;

/** A partner left. Leaving in conflict is a trust signal; at least two partners must remain. */
public record PartnerLeft(String orgId, Reason reason) implements PartnershipEvent {

    public enum Reason {
        PLANNED, FUNDING, DIVERGENCE, CONFLICT, MERGER, OTHER
    }

    @Override
    public void validate(Validation v) {
        v.ref("orgId", orgId);
        v.required("reason", reason);
    }
}
