package org.rapport.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.health.Health;

/**
 * A health assessment as the API and the stored view show it: dimensions keyed by their names
 * in lower case (trust, alignment, ...), each with its score, confidence, reasons and the terms
 * not yet assessed.
 */
public record HealthView(Instant asOf, String paramsVersion, Health.Status status, Integer overall,
        Map<String, Health.Dimension> dimensions, List<Health.Alert> alerts) {

    public static HealthView of(Health health) {
        var dimensions = new LinkedHashMap<String, Health.Dimension>();
        for (var d : HealthDimension.values()) {
            dimensions.put(key(d), health.dimensions().get(d));
        }
        return new HealthView(health.asOf(), health.paramsVersion(), health.status(), health.overall(), dimensions,
                health.alerts());
    }

    public static String key(HealthDimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    /** One point of a health history: the scores without their explanations. */
    public record Point(Instant asOf, Health.Status status, Integer overall, Map<String, Integer> scores,
            List<String> alerts) {

        public static Point of(Health health) {
            var scores = new LinkedHashMap<String, Integer>();
            for (var d : HealthDimension.values()) {
                scores.put(key(d), health.score(d));
            }
            return new Point(health.asOf(), health.status(), health.overall(), scores,
                    health.alerts().stream().map(Health.Alert::code).distinct().toList());
        }
    }
}
