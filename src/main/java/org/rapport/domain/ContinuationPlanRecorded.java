package org.rapport.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A plan for what happens when funding ends, with the staff time dedicated to it. Recording a
 * plan again under the same planId replaces it (a DRAFT becomes AGREED).
 */
public record ContinuationPlanRecorded(String planId, List<String> fundingIds, Route route, Status status,
        BigDecimal staffFte) implements PartnershipEvent {

    public enum Route {
        REPLACEMENT_BID, REPLACEMENT_SECURED, MAINSTREAMED, EARNED_INCOME, SCALE_DOWN, PLANNED_CLOSE
    }

    public enum Status {
        DRAFT, AGREED
    }

    @Override
    public void validate(Validation v) {
        v.ref("planId", planId);
        v.refs("fundingIds", fundingIds, 1);
        v.required("route", route);
        v.required("status", status);
        v.nonNegative("staffFte", staffFte);
    }
}
