package org.rapport.domain.health;

import java.util.List;
import java.util.UUID;

/**
 * A weighted part of a dimension. {@code value} null and {@code grace} null: not assessed, for
 * {@code why}. {@code grace} set: an item expected by age that was never recorded, worth the
 * benefit of the doubt left (see {@link Context#graceLeft}). {@link #rule()} is its name in the answers.
 */
record Term(HealthRule id, double weight, Double value, Double grace, Integer expectedFromDay, List<UUID> eventIds,
        String text, String why) {

    static Term of(HealthRule rule, double weight, double value, List<UUID> eventIds, String text) {
        return new Term(rule, weight, Math.max(0, Math.min(1, value)), null, null, eventIds, text, null);
    }

    static Term notAssessed(HealthRule rule, double weight, String why) {
        return new Term(rule, weight, null, null, null, List.of(), null, why);
    }

    /** An expected item never recorded: {@code text} says what is missing; its grace is told where it is weighed. */
    static Term missing(HealthRule rule, double weight, double grace, int fromDay, String text) {
        return new Term(rule, weight, null, grace, fromDay, List.of(), text, null);
    }

    /** The rule's name on the wire. */
    String rule() {
        return id.wire();
    }

    boolean applies() {
        return value != null || grace != null;
    }

    boolean isMissing() {
        return grace != null;
    }

    /** A missing item still within its grace: worth the benefit of the doubt left. */
    boolean inGrace() {
        return grace != null && grace > 0;
    }

    /** What a term is worth when no benefit of the doubt is in play. */
    double settledValue() {
        return isMissing() ? 0 : value;
    }
}
