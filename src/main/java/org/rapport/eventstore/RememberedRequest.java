package org.rapport.eventstore;

import java.util.List;
import java.util.UUID;

/** What an earlier request with the same idempotency key stored. */
public record RememberedRequest(String requestHash, List<UUID> eventIds) {
}
