package org.rapport.domain;

import java.util.UUID;

/**
 * An earlier event was recorded in error. The log keeps both; the state and everything derived
 * from it behave as if the voided event never happened.
 */
public record EventVoided(UUID voidedEventId, String reason) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.required("voidedEventId", voidedEventId);
        v.text("reason", reason, 1, 500);
    }
}
