package org.rapport.domain.health;

import java.time.Instant;
import java.util.List;
import org.rapport.domain.EventVoided;
import org.rapport.domain.HistoricEvent;

/**
 * A partnership's health facts as a fold kept between appends: an append folds only its own
 * events into the facts the previous append left, so its cost does not grow with the stream.
 *
 * <p>The kept facts are those of the stream's counted events (not voided, voids left out) that
 * had occurred by the moment they were folded at, pruned to that moment's window. Moving them
 * forward is exact when the new events come after every event folded, in the fold's order
 * (when they occurred, then their version), and have occurred by now. Otherwise the stream is
 * folded again whole ({@link #fold}); {@link Refold} names why.
 */
public final class HealthFold {

    /** Why an append's facts had to be folded again from the stream. */
    public enum Refold {
        /** No facts were kept: a new stream, a row written before the fold, or facts of another form. */
        NOTHING_KEPT,
        /** A void: the voided event's part in the facts cannot be taken back. */
        VOID,
        /** An event that occurred before the last event folded (recorded late). */
        LATE_EVENT,
        /** An event dated after the moment of the append (up to a day ahead is accepted). */
        EVENT_AHEAD,
        /** The window reaches further back than the facts kept (a clock that moved back). */
        WINDOW
    }

    /** The facts after an append, or why they must be folded again from the stream (facts then null). */
    public record Advanced(HealthFacts facts, Refold refold) {
    }

    private HealthFold() {
    }

    /**
     * The facts the stream's counted events lead to at {@code now}: those that had occurred by
     * then, in the fold's order, pruned to the window of {@code now}.
     */
    public static HealthFacts fold(List<HistoricEvent> counted, Instant now) {
        var facts = HealthFacts.of(counted.stream().filter(e -> !e.occurredAt().isAfter(now)).toList());
        if (facts.formedOn != null) {
            facts.prune(HealthAssessor.windowFrom(facts, now));
        }
        return facts;
    }

    /**
     * Whether the facts {@link #fold} leads to may be kept for the next append: only when every
     * event has occurred by {@code now}; an event ahead would be missing from them.
     */
    public static boolean keepable(List<HistoricEvent> counted, Instant now) {
        return counted.stream().noneMatch(e -> e.occurredAt().isAfter(now));
    }

    /**
     * {@code kept} moved forward by {@code appended} (the events an append adds, in stream order)
     * at {@code now}, pruned to the window of {@code now}; or why the stream must be folded again.
     * {@code kept} itself is moved forward: pass a copy to keep it.
     */
    public static Advanced advance(HealthFacts kept, List<HistoricEvent> appended, Instant now) {
        if (kept == null) {
            return new Advanced(null, Refold.NOTHING_KEPT);
        }
        var last = kept.lastOccurredAt;
        long lastVersion = kept.lastVersion;
        for (var e : appended) {
            if (e.payload() instanceof EventVoided) {
                return new Advanced(null, Refold.VOID);
            }
            if (e.occurredAt().isAfter(now)) {
                return new Advanced(null, Refold.EVENT_AHEAD);
            }
            boolean follows = last == null || e.occurredAt().isAfter(last)
                    || e.occurredAt().equals(last) && e.version() > lastVersion;
            if (!follows) {
                return new Advanced(null, Refold.LATE_EVENT);
            }
            last = e.occurredAt();
            lastVersion = e.version();
        }
        appended.forEach(kept::then);
        if (kept.formedOn != null) {
            var from = HealthAssessor.windowFrom(kept, now);
            if (kept.windowFrom != null && from.isBefore(kept.windowFrom)) {
                return new Advanced(null, Refold.WINDOW);
            }
            kept.prune(from);
        }
        return new Advanced(kept, null);
    }
}
