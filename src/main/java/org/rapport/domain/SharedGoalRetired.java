package org.rapport.domain;

/** A shared goal stopped being pursued. */
public record SharedGoalRetired(String goalId, Reason reason) implements PartnershipEvent {

    public enum Reason {
        ACHIEVED, SUPERSEDED, ABANDONED
    }

    @Override
    public void validate(Validation v) {
        v.ref("goalId", goalId);
        v.required("reason", reason);
    }
}
