package org.rapport.domain;

import java.util.List;

/** Partners agreed a shared goal; one active goal at most is the primary one. */
public record SharedGoalAgreed(String goalId, String statement, Boolean primary, List<String> endorsedBy)
        implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("goalId", goalId);
        v.text("statement", statement, 1, 1000);
        v.required("primary", primary);
        v.refs("endorsedBy", endorsedBy, 0);
    }
}
