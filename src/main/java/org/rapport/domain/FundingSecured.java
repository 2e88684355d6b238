package org.rapport.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * Funding was secured. Grant-funded partnerships must plan for when the funding ends, so its
 * end date matters; absent means open-ended (e.g. a mainstreamed budget).
 */
public record FundingSecured(String fundingId, Funder funder, BigDecimal amount, String currency,
        LocalDate startsOn, LocalDate endsOn, Boolean coreCosts) implements PartnershipEvent {

    public enum FunderKind {
        GOVERNMENT, TRUST, LOTTERY, CORPORATE, PARTNER, SOCIAL_INVESTMENT
    }

    /** The funder; name and kind are optional when the registry knows them. */
    public record Funder(String funderId, String name, FunderKind kind) {
    }

    @Override
    public void validate(Validation v) {
        v.ref("fundingId", fundingId);
        if (v.required("funder", funder)) {
            var at = v.at("funder");
            at.ref("funderId", funder.funderId());
            at.optionalText("name", funder.name(), Limits.NAME);
        }
        v.positive("amount", amount);
        if (v.required("currency", currency) && !isCurrency(currency)) {
            v.fail("currency", "must be an ISO 4217 currency code such as GBP");
        }
        v.required("startsOn", startsOn);
        if (endsOn != null && startsOn != null && !endsOn.isAfter(startsOn)) {
            v.fail("endsOn", "must be after startsOn");
        }
        v.required("coreCosts", coreCosts);
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
