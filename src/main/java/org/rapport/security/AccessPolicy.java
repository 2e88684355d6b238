package org.rapport.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.rapport.domain.Partnership;
import org.rapport.domain.PartnershipFormed;

/**
 * Who may see and change which partnership. An organisation sees only partnerships it is a
 * current partner of; one that left keeps no access. Admins see everything.
 */
@ApplicationScoped
public class AccessPolicy {

    public boolean mayForm(Caller caller, PartnershipFormed formed) {
        return caller.isAdmin() || caller.isPartner() && formed.foundedBy(caller.orgId());
    }

    public boolean maySee(Caller caller, Partnership partnership) {
        return caller.isAdmin() || caller.isPartner() && partnership.isPartner(caller.orgId());
    }

    public boolean mayRecord(Caller caller, Partnership partnership) {
        return maySee(caller, partnership);
    }

    /** The organisation whose partnerships a caller may follow; {@code null} for all of them. */
    public String feedScope(Caller caller) {
        return caller.isAdmin() ? null : caller.orgId();
    }
}
