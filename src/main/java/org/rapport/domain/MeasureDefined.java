package org.rapport.domain;

import java.math.BigDecimal;

/** A measure of success (not a target) aligned to a goal, owned by a partner. */
public record MeasureDefined(String measureId, String goalId, String ownerOrg, String name, BigDecimal baseline,
        Direction direction, BigDecimal target, Cadence cadence) implements PartnershipEvent {

    public enum Direction {
        INCREASE, DECREASE, MAINTAIN
    }

    public enum Cadence {
        MONTHLY, QUARTERLY, ANNUAL
    }

    @Override
    public void validate(Validation v) {
        v.ref("measureId", measureId);
        v.ref("goalId", goalId);
        v.ref("ownerOrg", ownerOrg);
        v.text("name", name, 1, Limits.NAME);
        v.required("baseline", baseline);
        v.required("direction", direction);
        v.required("cadence", cadence);
    }
}
