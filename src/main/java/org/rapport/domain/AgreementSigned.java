package org.rapport.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Partners signed an agreement. Terms of reference and an agreement that is reviewed are the
 * structure and governance the seeds ask for; a review is due within 24 months.
 */
public record AgreementSigned(String agreementId, Kind kind, List<String> signatories, LocalDate effectiveOn,
        LocalDate reviewBy, List<Covers> covers) implements PartnershipEvent {

    public enum Kind {
        TERMS_OF_REFERENCE, MOU, PARTNERSHIP_AGREEMENT, DATA_SHARING, GRANT
    }

    public enum Covers {
        ROLES, DECISIONS, RESOURCES, RISK, CONFLICT, DATA, EXIT, REVIEW
    }

    @Override
    public void validate(Validation v) {
        v.ref("agreementId", agreementId);
        v.required("kind", kind);
        v.refs("signatories", signatories, 1);
        v.required("effectiveOn", effectiveOn);
        if (v.required("reviewBy", reviewBy) && effectiveOn != null) {
            if (reviewBy.isBefore(effectiveOn)) {
                v.fail("reviewBy", "must not be before effectiveOn");
            } else if (reviewBy.isAfter(effectiveOn.plusMonths(24))) {
                v.fail("reviewBy", "must be at most 24 months after effectiveOn");
            }
        }
        v.list("covers", covers, 0, Covers.values().length, (at, c) -> { });
        v.distinct("covers", covers);
    }
}
