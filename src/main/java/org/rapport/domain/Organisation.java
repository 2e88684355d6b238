package org.rapport.domain;

/** A partner organisation as named when it joins. */
public record Organisation(String orgId, String name, Sector sector) {

    void validate(Validation v) {
        v.text("orgId", orgId, 1, Limits.REFERENCE);
        v.text("name", name, 1, Limits.NAME);
        v.required("sector", sector);
    }
}
