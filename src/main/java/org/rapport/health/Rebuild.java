package org.rapport.health;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.rapport.domain.PartnershipDecider;
import org.rapport.eventstore.EventSerializer;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.PartnershipRows;

/**
 * Rebuilds every read model from the log: each partnership's state is its stream folded again,
 * its health assessed again from the same read. Batches of partnerships, several at a time, each
 * row its own short write; a row whose stream moved on meanwhile was just written by an append and
 * is left as it is.
 */
@ApplicationScoped
public class Rebuild {

    static final int BATCH = 200;

    /**
     * Partnerships rebuilt at once: each write commits on its own, and concurrent commits share
     * the log's flushes to disk.
     */
    static final int CONCURRENCY = 8;

    private final EventStore store;
    private final PartnershipRows rows;
    private final EventSerializer serializer;
    private final HealthProjector projector;
    private final Clock clock;
    private final StreamHistories histories;
    private final StoredViews views;

    public Rebuild(EventStore store, PartnershipRows rows, EventSerializer serializer, HealthProjector projector, Clock clock,
            StreamHistories histories, StoredViews views) {
        this.store = store;
        this.rows = rows;
        this.serializer = serializer;
        this.projector = projector;
        this.clock = clock;
        this.histories = histories;
        this.views = views;
    }

    /** What a rebuild did. */
    public record Result(long partnerships, long events, long millis) {
    }

    /**
     * Rebuilds everything. It first lets go of what this instance keeps in memory: every view held
     * is about to be rewritten (so would never be served again), and the stream histories are
     * refilled by the next append to each stream; the rebuild gets their share of the heap.
     */
    public Uni<Result> all() {
        histories.clear();
        views.clear();
        var started = System.nanoTime();
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var after = new AtomicReference<>(new UUID(0, 0));
        var partnerships = new AtomicLong();
        var events = new AtomicLong();
        return Multi.createBy().repeating()
                .uni(() -> rows.streams(after.get(), BATCH).flatMap(batch -> {
                    if (!batch.isEmpty()) {
                        after.set(batch.get(batch.size() - 1).partnershipId());
                    }
                    return Multi.createFrom().iterable(batch)
                            .onItem().transformToUni(ref -> store.readStream(ref.partnershipId(), 1,
                                    Integer.MAX_VALUE).flatMap(stream -> {
                                        events.addAndGet(stream.size());
                                        var history = stream.stream().map(serializer::historic).toList();
                                        var state = PartnershipDecider.fold(ref.partnershipId(), history);
                                        var health = projector.assessStream(stream, history, now);
                                        return rows.writeReadModel(ref.partnershipId(),
                                                stream.get(stream.size() - 1).version(),
                                                projector.readModel(state, health), now);
                                    }).invoke(x -> partnerships.incrementAndGet()))
                            .merge(CONCURRENCY)
                            .collect().asList().map(x -> batch.size());
                }))
                .until(size -> size < BATCH)
                .collect().last()
                .map(x -> new Result(partnerships.get(), events.get(), (System.nanoTime() - started) / 1_000_000));
    }
}
