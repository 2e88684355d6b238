package org.rapport.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
        return maySee(caller, partnership.partners().stream().map(p -> p.orgId()).toList(),
                partnership.fundings().stream().map(Partnership.Funding::funderId).toList());
    }

    /**
     * The same decision from a partnership's partner organisations and funders alone (the columns
     * of its row), for reads that need nothing else of its state.
     */
    public boolean maySee(Caller caller, List<String> partnerOrgs, List<String> funderIds) {
        return caller.isAdmin() || caller.isPartner() && caller.orgId() != null && partnerOrgs.contains(caller.orgId())
                || caller.isFunder() && caller.funderId() != null && funderIds.contains(caller.funderId());
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
}
