package org.rapport.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** An event ready to be appended: decided, serialised, with its metadata. */
public record NewEvent(UUID eventId, String type, int schemaVersion, JsonNode data, Instant occurredAt,
        UUID correlationId, UUID causationId, String evidenceUrl) {
}
