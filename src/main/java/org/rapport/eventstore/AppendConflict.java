package org.rapport.eventstore;

/**
 * An append lost a race: another writer took the same stream version, event id or idempotency
 * key first. Nothing of this append was written.
 */
public final class AppendConflict extends RuntimeException {

    public enum On {
        STREAM_VERSION, EVENT_ID, IDEMPOTENCY_KEY
    }

    private final On on;

    public AppendConflict(On on) {
        super("append lost a race on " + on, null, false, false);
        this.on = on;
    }

    public On on() {
        return on;
    }
}
