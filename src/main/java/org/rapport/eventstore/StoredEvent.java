package org.rapport.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.rapport.tracing.TraceContext;

/**
 * One row of the event log as stored, its payload still JSON. {@code traceparent} and
 * {@code tracestate}: the W3C trace context of the request that appended it, null where nothing
 * was traced.
 */
public record StoredEvent(UUID eventId, UUID partnershipId, String type, int schemaVersion, long version,
        long position, Instant occurredAt, Instant recordedAt, String recordedBy, UUID correlationId,
        UUID causationId, String evidenceUrl, String traceparent, String tracestate, boolean voided, JsonNode data) {

    public TraceContext trace() {
        return new TraceContext(traceparent, tracestate);
    }
}
