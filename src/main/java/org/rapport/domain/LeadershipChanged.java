package org.rapport.domain;

import java.time.LocalDate;

/**
 * A senior post changed hands, or fell vacant ({@code incomingRef} null). Trust is fragile to
 * changes in leadership: it was lost when a chief executive left. {@code orgId} null means a
 * post of the partnership itself.
 */
public record LeadershipChanged(String orgId, Role role, String incomingRef, LocalDate effectiveOn,
        Boolean handoverHeld) implements PartnershipEvent {

    public enum Role {
        CHIEF_EXECUTIVE, BOARD_CHAIR, SENIOR_SPONSOR, PARTNERSHIP_LEAD, PARTNERSHIP_CHAIR
    }

    @Override
    public void validate(Validation v) {
        v.optionalText("orgId", orgId, Limits.REFERENCE);
        v.required("role", role);
        v.optionalText("incomingRef", incomingRef, Limits.REFERENCE);
        v.required("effectiveOn", effectiveOn);
        v.required("handoverHeld", handoverHeld);
    }
}
