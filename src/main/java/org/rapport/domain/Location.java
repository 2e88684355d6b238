package org.rapport.domain;

/** A place a pilot runs in: a name and a code (e.g. a local authority code). */
public record Location(String name, String code) {

    void validate(Validation v) {
        v.text("name", name, 1, Limits.NAME);
        v.ref("code", code);
    }
}
