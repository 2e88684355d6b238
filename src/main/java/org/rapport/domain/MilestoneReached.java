package org.rapport.domain;

/** A milestone was reached (on occurredAt). */
public record MilestoneReached(String milestoneId) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("milestoneId", milestoneId);
    }
}
