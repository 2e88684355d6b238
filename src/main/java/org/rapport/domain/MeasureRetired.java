package org.rapport.domain;

/** A measure is no longer tracked. */
public record MeasureRetired(String measureId, String reason) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("measureId", measureId);
        v.text("reason", reason, 1, 500);
    }
}
