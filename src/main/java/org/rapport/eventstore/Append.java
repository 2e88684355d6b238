package org.rapport.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rapport.tracing.TraceContext;

/**
 * Events to add to one stream after {@code expectedVersion}, the read model they lead to, the
 * trace context of the request that appends them, and, when the request carried one, the
 * idempotency key to remember with them.
 */
public record Append(UUID partnershipId, long expectedVersion, List<NewEvent> events, ReadModel readModel,
        Instant recordedAt, String recordedBy, TraceContext trace, IdempotencyKey idempotencyKey) {

    public long newVersion() {
        return expectedVersion + events.size();
    }

    /**
     * The partnership row: its state (the fold of its stream), the columns the portfolio filters
     * on, the health facts to fold the next append into (null: none kept), and its current health.
     */
    public record ReadModel(String state, List<String> partnerOrgs, String name, String partnershipType,
            List<String> sectors, List<String> funderIds, String healthFacts, HealthRow health) {
    }

    /**
     * A health assessment as stored: the full view (JSON text), its summary columns, and the summary published
     * to Kafka with the key that tells whether it changed (status, integer scores, alert codes).
     */
    public record HealthRow(String view, String status, Integer overall, List<String> alerts, Instant assessedAt,
            String paramsVersion, JsonNode summary, String changeKey, int attention) {
    }
}
