package org.rapport.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One row of the event log as stored, its payload still JSON. */
public record StoredEvent(UUID eventId, UUID partnershipId, String type, int schemaVersion, long version,
        long position, Instant occurredAt, Instant recordedAt, String recordedBy, UUID correlationId,
        UUID causationId, String evidenceUrl, boolean voided, JsonNode data) {
}
