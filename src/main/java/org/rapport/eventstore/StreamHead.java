package org.rapport.eventstore;

import java.util.List;
import java.util.UUID;

/**
 * A partnership's current version, the state its events fold to (JSON text, parsed once by
 * whoever needs it; null when the caller said it holds the state at this version), and which of
 * the event ids asked about the log already holds.
 */
public record StreamHead(UUID partnershipId, long version, String state, List<UUID> knownEventIds) {
}
