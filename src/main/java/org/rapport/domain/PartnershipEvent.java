package org.rapport.domain;

/**
 * What happened in a partnership: the payload of one stored event, in the past tense.
 *
 * <p>The stored name and schema version of each type live in {@link EventCatalog}, never in a Java
 * class name, so renaming a record never breaks history.
 */
public sealed interface PartnershipEvent permits PartnershipFormed, MeetingHeld {

    /** Checks that need no state: types, ranges, enums, required fields. */
    void validate(Validation v);
}
