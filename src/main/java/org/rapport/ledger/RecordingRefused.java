package org.rapport.ledger;

import java.util.UUID;

/** Why a request to record was refused before anything was written. */
public sealed class RecordingRefused extends RuntimeException {

    RecordingRefused(String message) {
        super(message, null, false, false);
    }

    /** No such partnership, or not one the caller may see: the two are indistinguishable. */
    public static final class PartnershipNotFound extends RecordingRefused {
        public PartnershipNotFound(UUID id) {
            super("No such partnership, or not one you may see.");
        }
    }

    public static final class NotAFounder extends RecordingRefused {
        public NotAFounder(String orgId) {
            super("Your organisation " + orgId + " must be among the founding partners.");
        }
    }

    /** {@code If-Match} named a version the stream has moved on from. */
    public static final class VersionMismatch extends RecordingRefused {
        private final long currentVersion;

        public VersionMismatch(long expected, long currentVersion) {
            super("The partnership is at version " + currentVersion + ", not " + expected + ".");
            this.currentVersion = currentVersion;
        }

        public long currentVersion() {
            return currentVersion;
        }
    }

    /** An event id already stored, with a different body. */
    public static final class EventIdConflict extends RecordingRefused {
        private final UUID eventId;

        public EventIdConflict(UUID eventId) {
            super("Event " + eventId + " is already stored with a different body.");
            this.eventId = eventId;
        }

        public UUID eventId() {
            return eventId;
        }
    }

    /** An {@code Idempotency-Key} reused for a different request. */
    public static final class IdempotencyKeyReused extends RecordingRefused {
        public IdempotencyKeyReused(String key) {
            super("Idempotency-Key " + key + " was used for a different request.");
        }
    }

    /** Writers kept taking the version this request wanted; it may be retried. */
    public static final class Contended extends RecordingRefused {
        public Contended(UUID id) {
            super("Partnership " + id + " is being changed by many writers at once; retry.");
        }
    }
}
