package org.rapport.domain;

/** The partnership closed; nothing may follow but voiding a mistaken event. */
public record PartnershipClosed(Reason reason) implements PartnershipEvent {

    public enum Reason {
        GOAL_ACHIEVED, FUNDING_ENDED, MERGED, DISSOLVED
    }

    @Override
    public void validate(Validation v) {
        v.required("reason", reason);
    }
}
