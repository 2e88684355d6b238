package org.rapport.domain;

import java.time.LocalDate;

/** A milestone not yet reached moved to a new date, or was dropped ({@code dropped: true}). */
public record MilestoneRescheduled(String milestoneId, LocalDate dueOn, Boolean dropped) implements PartnershipEvent {

    public boolean drops() {
        return Boolean.TRUE.equals(dropped);
    }

    @Override
    public void validate(Validation v) {
        v.ref("milestoneId", milestoneId);
        if (drops() == (dueOn != null)) {
            v.fail("dueOn", "give either a new dueOn or dropped: true");
        }
    }
}
