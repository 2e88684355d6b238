package org.rapport.eventstore;

/** The {@code Idempotency-Key} of a request, scoped to the caller and the path. */
public record IdempotencyKey(String caller, String path, String key, String requestHash) {
}
