package org.rapport.domain.health;

import java.util.List;
import java.util.UUID;

/** A change after the terms: points added or removed, or a ceiling. */
record Adjustment(HealthRule id, double points, Integer cap, List<UUID> eventIds, String text) {

    /** The rule's name on the wire. */
    String rule() {
        return id.wire();
    }
}
