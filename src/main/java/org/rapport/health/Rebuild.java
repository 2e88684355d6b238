package org.rapport.health;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.rapport.domain.PartnershipDecider;
import org.rapport.eventstore.EventSerializer;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.PartnershipRows;

/**
 * Rebuilds every read model from the log: each partnership's stream is read once, folded once
 * into its state and its health facts, and assessed once. Partnerships go in batches: one read
 * of the batch's streams, one pipelined write of its rows. A row whose stream moved on meanwhile
 * was just written by an append and is left as it is.
 */
@ApplicationScoped
public class Rebuild {

    /**
     * Partnerships a batch: their decoded streams (some 2 KB an event) must sit in the heap at
     * once, beside the batches in flight and the service's other work; 25 streams of 100 events
     * are about 5 MB.
     */
    static final int BATCH = 25;

    /** Batches at once: while one is folded, the others' rows are read or written. */
    static final int CONCURRENCY = 3;

    private final EventStore store;
    private final PartnershipRows rows;
    private final EventSerializer serializer;
    private final HealthProjector projector;
    private final Clock clock;
    private final StoredViews views;

    public Rebuild(EventStore store, PartnershipRows rows, EventSerializer serializer, HealthProjector projector, Clock clock,
            StoredViews views) {
        this.store = store;
        this.rows = rows;
        this.serializer = serializer;
        this.projector = projector;
        this.clock = clock;
        this.views = views;
    }

    /** What a rebuild did. */
    public record Result(long partnerships, long events, long millis) {
    }

    /**
     * Rebuilds everything. It first lets go of the views this instance holds: every one is about
     * to be rewritten, so would never be served again.
     */
    public Uni<Result> all() {
        views.clear();
        var started = System.nanoTime();
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var partnerships = new AtomicLong();
        var events = new AtomicLong();
        return Multi.createBy().repeating()
                .uni(() -> new AtomicReference<>(new UUID(0, 0)), after -> rows.streams(after.get(), BATCH)
                        .invoke(batch -> {
                            if (!batch.isEmpty()) {
                                after.set(batch.get(batch.size() - 1).partnershipId());
                            }
                        }))
                .until(List::isEmpty)
                .onItem().transformToUni(batch -> rebuild(batch, now, partnerships, events)).merge(CONCURRENCY)
                .collect().last()
                .map(x -> new Result(partnerships.get(), events.get(), (System.nanoTime() - started) / 1_000_000));
    }

    private Uni<Integer> rebuild(List<PartnershipRows.StreamRef> batch, Instant now, AtomicLong partnerships,
            AtomicLong events) {
        return store.readStreams(batch.stream().map(PartnershipRows.StreamRef::partnershipId).toList())
                .flatMap(streams -> {
                    var writes = new ArrayList<PartnershipRows.ReadModelWrite>(streams.size());
                    streams.forEach((id, stream) -> {
                        events.addAndGet(stream.size());
                        var history = stream.stream().map(serializer::historic).toList();
                        var state = PartnershipDecider.fold(id, history);
                        var assessed = projector.assessStream(history, now);
                        writes.add(new PartnershipRows.ReadModelWrite(id, stream.get(stream.size() - 1).version(),
                                projector.readModel(state, assessed)));
                    });
                    partnerships.addAndGet(writes.size());
                    return rows.writeReadModels(writes, now);
                });
    }
}
