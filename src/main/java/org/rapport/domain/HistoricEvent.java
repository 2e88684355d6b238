package org.rapport.domain;

import java.time.Instant;
import java.util.UUID;

/** An event already in a partnership's stream, as the rules need to see it. */
public record HistoricEvent(UUID eventId, long version, Instant occurredAt, PartnershipEvent payload) {
}
