package org.rapport.domain;

import java.time.LocalDate;

/** Work paused; health stays frozen at the pause (no decay, no cliffs) until resumed. */
public record PartnershipPaused(String reason, LocalDate expectedResumeOn) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.text("reason", reason, 1, 500);
        v.required("expectedResumeOn", expectedResumeOn);
    }

    /** The resume date must lie within 12 months of the pause (a check on the envelope's date). */
    void validate(Validation v, java.time.Instant occurredAt) {
        if (expectedResumeOn == null || occurredAt == null) {
            return;
        }
        var pausedOn = Partnership.dayOf(occurredAt);
        if (expectedResumeOn.isBefore(pausedOn)) {
            v.fail("expectedResumeOn", "must not be before the pause");
        } else if (expectedResumeOn.isAfter(pausedOn.plusMonths(12))) {
            v.fail("expectedResumeOn", "must be at most 12 months after the pause");
        }
    }
}
