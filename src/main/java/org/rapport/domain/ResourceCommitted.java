package org.rapport.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A partner committed staff time, cash or in-kind resources for a period. */
public record ResourceCommitted(String orgId, Kind kind, BigDecimal amount, LocalDate from, LocalDate to)
        implements PartnershipEvent {

    public enum Kind {
        STAFF_FTE, CASH, IN_KIND
    }

    @Override
    public void validate(Validation v) {
        v.ref("orgId", orgId);
        v.required("kind", kind);
        v.positive("amount", amount);
        v.required("from", from);
        if (v.required("to", to) && from != null && !from.isBefore(to)) {
            v.fail("to", "must be after from");
        }
    }
}
