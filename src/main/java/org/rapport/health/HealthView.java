package org.rapport.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.domain.EventCatalog;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.PartnershipEvent;
import org.rapport.domain.health.Health;

/**
 * A health assessment as the API and the stored view show it: dimensions keyed by their names
 * in lower case (trust, alignment, ...), each with its score, confidence, basis, reasons and the
 * terms not yet assessed; the status and the rules that set it; alerts; and the next steps, each
 * with the events that would take it, as bodies ready for POST .../events/batch.
 */
public record HealthView(Instant asOf, String paramsVersion, Health.Status status, List<String> statusReasons,
        Integer overall, Map<String, Health.Dimension> dimensions, List<Health.Alert> alerts,
        List<NextStep> nextSteps) {

    public static HealthView of(Health health) {
        var dimensions = new LinkedHashMap<String, Health.Dimension>();
        for (var d : HealthDimension.values()) {
            dimensions.put(key(d), health.dimensions().get(d));
        }
        return new HealthView(health.asOf(), health.paramsVersion(), health.status(), health.statusReasons(),
                health.overall(), dimensions, health.alerts(), health.nextSteps().stream()
                        .map(step -> NextStep.of(step, health.asOf().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                        .toList());
    }

    public static String key(HealthDimension dimension) {
        return dimension.name().toLowerCase(Locale.ROOT);
    }

    /** A next step: what it addresses, in words, the events to record, and what they would gain. */
    public record NextStep(List<String> addresses, String text, List<ProposedEvent> events, String dimension,
            Integer overallGain, Integer dimensionGain) {

        static NextStep of(Health.NextStep step, java.time.LocalDate on) {
            return new NextStep(step.addresses(), step.text(), step.events().stream()
                    .map(e -> new ProposedEvent(EventCatalog.of(e).name(), on, e)).toList(), key(step.dimension()),
                    step.overallGain(), step.dimensionGain());
        }
    }

    /**
     * An event as a client records it: its type, the day it is weighed for (the day assessed), and
     * its payload's fields side by side.
     */
    @JsonPropertyOrder({"type", "occurredAt"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProposedEvent(String type, java.time.LocalDate occurredAt, @JsonUnwrapped PartnershipEvent payload) {
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
