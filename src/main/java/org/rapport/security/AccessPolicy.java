package org.rapport.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.rapport.domain.Partnership;
import org.rapport.domain.PartnershipFormed;

/**
 * Who may see and change which partnership. An organisation sees only partnerships it is a
 * current partner of (one that left keeps no access); a funder sees, read-only, the partnerships
 * where a funding from it is recorded, never individual trust-survey ratings; admins see
 * everything.
 */
@ApplicationScoped
public class AccessPolicy {

    /** What a caller may follow or list: everything, an organisation's or a funder's. */
    public record Scope(String memberOrg, String funderId, boolean hideSurveyResponses) {
    }

    public boolean mayForm(Caller caller, PartnershipFormed formed) {
        return caller.isAdmin() || caller.isPartner() && formed.foundedBy(caller.orgId());
    }

    public boolean maySee(Caller caller, Partnership partnership) {
        return caller.isAdmin() || caller.isPartner() && partnership.isPartner(caller.orgId())
                || caller.isFunder() && funds(caller.funderId(), partnership);
    }

    public boolean mayRecord(Caller caller, Partnership partnership) {
        return caller.isAdmin() || caller.isPartner() && partnership.isPartner(caller.orgId());
    }

    /** Whether the caller may see who rated whom in trust surveys. */
    public boolean maySeeSurveyResponses(Caller caller) {
        return caller.isAdmin() || caller.isPartner();
    }

    public Scope scope(Caller caller) {
        if (caller.isAdmin()) {
            return new Scope(null, null, false);
        }
        if (caller.isPartner()) {
            return new Scope(caller.orgId(), null, false);
        }
        return new Scope(null, caller.isFunder() ? caller.funderId() : "\u0000none", true);
    }

    private static boolean funds(String funderId, Partnership partnership) {
        return partnership.fundings().stream().anyMatch(f -> funderId.equals(f.funderId()));
    }
}
