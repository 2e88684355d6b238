package org.rapport.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * A partnership's current version, the state its events fold to, and which of the event ids
 * asked about the log already holds.
 */
public record StreamHead(UUID partnershipId, long version, JsonNode state, List<UUID> knownEventIds) {
}
