package org.rapport.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A measure's value for one period; one value per period. */
public record MeasureRecorded(String measureId, LocalDate periodEnd, BigDecimal value) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("measureId", measureId);
        v.required("periodEnd", periodEnd);
        v.required("value", value);
    }
}
