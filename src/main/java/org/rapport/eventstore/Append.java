package org.rapport.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events to add to one stream after {@code expectedVersion}, the state they lead to, and,
 * when the request carried one, the idempotency key to remember with them.
 */
public record Append(UUID partnershipId, long expectedVersion, List<NewEvent> events, JsonNode newState,
        List<String> partnerOrgs, Instant recordedAt, String recordedBy, IdempotencyKey idempotencyKey) {

    public long newVersion() {
        return expectedVersion + events.size();
    }
}
