package org.rapport.domain.health;

import java.util.List;
import java.util.UUID;

/** A change after the terms: points added or removed, or a ceiling. */
record Adjustment(String rule, double points, Integer cap, List<UUID> eventIds, String text) {
}
