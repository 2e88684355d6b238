package org.rapport.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified bearer token of the current request into a {@link Caller}. */
@ApplicationScoped
public class Callers {

    public static final String ORG_CLAIM = "org_id";

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        String orgId = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(ORG_CLAIM);
            orgId = claim == null ? null : claim.toString();
        }
        return new Caller(identity.isAnonymous() ? null : identity.getPrincipal().getName(), orgId,
                Set.copyOf(identity.getRoles()));
    }
}
