package org.rapport.domain;

import java.util.List;

/** Partners assessed their capability together, ideally with their chief executives present. */
public record CapabilityAssessmentHeld(List<String> orgIds, Boolean chiefExecutivesPresent)
        implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.refs("orgIds", orgIds, 1);
        v.required("chiefExecutivesPresent", chiefExecutivesPresent);
    }
}
