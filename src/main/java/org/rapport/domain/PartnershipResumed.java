package org.rapport.domain;

/** Paused work resumed. */
public record PartnershipResumed() implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        // Nothing beyond the common fields.
    }
}
