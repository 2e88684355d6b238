package org.rapport.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified bearer token of the current request into a {@link Caller}. */
@ApplicationScoped
public class Callers {

    public static final String ORG_CLAIM = "org_id";
    public static final String FUNDER_CLAIM = "funder_id";

    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        String orgId = null;
        String funderId = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            orgId = claim(token, ORG_CLAIM);
            funderId = claim(token, FUNDER_CLAIM);
        }
        return new Caller(identity.isAnonymous() ? null : identity.getPrincipal().getName(), orgId, funderId,
                Set.copyOf(identity.getRoles()));
    }

    private static String claim(JsonWebToken token, String name) {
        Object claim = token.getClaim(name);
        return claim == null ? null : claim.toString();
    }
}
