package org.rapport.domain;

public enum Seniority {
    EXECUTIVE, DIRECTOR, MANAGER, STAFF;

    /** "Senior" in the health model: trust is built by senior leaders meeting. */
    public boolean isSenior() {
        return this == EXECUTIVE || this == DIRECTOR;
    }
}
