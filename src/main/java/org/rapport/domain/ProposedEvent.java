package org.rapport.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An event a client asks to record: when it happened in the world, and what happened. */
public record ProposedEvent(UUID eventId, Instant occurredAt, PartnershipEvent payload) {

    /** Clocks disagree and meetings get logged the evening before; further ahead is a mistake. */
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(24);

    /** Stateless checks on the envelope and the payload, against the server's {@code now}. */
    public void validate(Validation v, Instant now) {
        if (v.required("occurredAt", occurredAt) && occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            v.fail("occurredAt", "must not be more than 24 hours in the future");
        }
        if (payload != null) {
            payload.validate(v);
            if (payload instanceof PartnershipPaused paused) {
                paused.validate(v, occurredAt);
            }
        }
    }
}
