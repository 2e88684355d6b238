package org.rapport.domain;

/** Active funding ended, on its end date or early. */
public record FundingEnded(String fundingId, Boolean early) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("fundingId", fundingId);
        v.required("early", early);
    }
}
