package org.rapport.domain;

import java.time.LocalDate;

/** A milestone to celebrate, optionally tied to a goal. */
public record MilestoneSet(String milestoneId, String title, LocalDate dueOn, String goalId)
        implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("milestoneId", milestoneId);
        v.text("title", title, 1, Limits.NAME);
        v.required("dueOn", dueOn);
        v.optionalText("goalId", goalId, Limits.REFERENCE);
    }
}
