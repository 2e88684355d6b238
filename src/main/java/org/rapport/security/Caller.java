package org.rapport.security;

import java.util.Set;

/** Who is calling: the token's subject, organisation, funder and roles. */
public record Caller(String subject, String orgId, String funderId, Set<String> roles) {

    public static final String PARTNER = "partner";
    public static final String FUNDER = "funder";
    public static final String ADMIN = "admin";

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isPartner() {
        return roles.contains(PARTNER) && orgId != null;
    }

    public boolean isFunder() {
        return roles.contains(FUNDER) && funderId != null;
    }
}
