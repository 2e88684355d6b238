package org.rapport.eventstore;

import java.util.List;
import java.util.UUID;

/**
 * A partnership's current version, the state its events fold to and its health facts (JSON text
 * each, parsed by whoever needs it; the facts null when none were kept), and which of the event
 * ids asked about the log already holds.
 */
public record StreamHead(UUID partnershipId, long version, String state, String healthFacts,
        List<UUID> knownEventIds) {
}
