package org.rapport.security;

import java.util.Set;

/** Who is calling: the token's subject, organisation and roles. */
public record Caller(String subject, String orgId, Set<String> roles) {

    public static final String PARTNER = "partner";
    public static final String ADMIN = "admin";

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean isPartner() {
        return roles.contains(PARTNER) && orgId != null;
    }
}
