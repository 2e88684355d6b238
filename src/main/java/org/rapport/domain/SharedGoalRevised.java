package org.rapport.domain;

import java.util.List;

/** A shared goal was revisited: most partnerships agree goals on day one and few revisit them. */
public record SharedGoalRevised(String goalId, Change change, String statement, List<String> endorsedBy)
        implements PartnershipEvent {

    public enum Change {
        REAFFIRMED, EXPANDED, NARROWED, REPLACED
    }

    @Override
    public void validate(Validation v) {
        v.ref("goalId", goalId);
        v.required("change", change);
        if (change != null && change != Change.REAFFIRMED) {
            v.text("statement", statement, 1, 1000);
        } else {
            v.optionalText("statement", statement, 1000);
        }
        v.refs("endorsedBy", endorsedBy, 0);
    }
}
