package org.rapport.health;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.rapport.eventstore.ClusterLock;
import org.rapport.eventstore.PartnershipRows;

/**
 * Time moves health without new events: trust fades, a funding cliff approaches. Once a day the
 * stored views not yet assessed that day are assessed again. A new health model moves them too:
 * at start-up, in the background, the views stored under another model version are assessed
 * again under the current one. Either runs on one instance at a time (an advisory lock each)
 * and in small batches, each row its own short write, so no long transaction holds back the
 * followers of the log.
 */
@ApplicationScoped
public class Reassessment {

    static final long LOCK = 0x7261707065617373L;
    /** The model migration's own lock: while it runs, the daily reassessment still runs elsewhere. */
    static final long MODEL_LOCK = 0x7261707065616d76L;
    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(Reassessment.class);

    private final PartnershipRows rows;
    private final ClusterLock lock;
    private final HealthProjector projector;
    private final Clock clock;
    private final boolean onModelChange;
    private final AtomicReference<Cancellable> migration = new AtomicReference<>();

    public Reassessment(PartnershipRows rows, ClusterLock lock, HealthProjector projector, Clock clock,
            @ConfigProperty(name = "rapport.reassessment.on-model-change", defaultValue = "true") boolean onModelChange) {
        this.rows = rows;
        this.lock = lock;
        this.projector = projector;
        this.clock = clock;
        this.onModelChange = onModelChange;
    }

    @Scheduled(cron = "{rapport.reassessment.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return reassessAll().invoke(n -> {
            if (n != null) {
                LOG.infof("Reassessed the health of %d partnerships", n);
            }
        }).replaceWithVoid();
    }

    /**
     * Starts moving the stored views to the current model, and returns at once: start-up (and
     * readiness) never waits for it.
     */
    void start(@Observes StartupEvent startup) {
        if (!onModelChange) {
            return;
        }
        migration.set(toCurrentModel().subscribe().with(n -> {
            if (n != null && n > 0) {
                LOG.infof("Moved %d stored health views to health model %s", n, projector.params().version());
            }
        }, failure -> LOG.warn("Moving stored health views to the current health model failed; the next start-up"
                + " tries again", failure)));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        var running = migration.getAndSet(null);
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * Reassesses every partnership not yet assessed today; answers how many, or null when another
     * instance is doing it.
     */
    public Uni<Integer> reassessAll() {
        var now = clock.instant();
        var startOfDay = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        // A row written leaves this selection, so each batch is simply the next 100 still to do.
        return reassess(LOCK, now, (after, limit) -> rows.assessedBefore(startOfDay, limit));
    }

    /**
     * Reassesses, under the current model, every stored view assessed under another model version
     * (or never assessed); answers how many views moved, or null when another instance is doing it.
     */
    public Uni<Integer> toCurrentModel() {
        var current = projector.params().version();
        return reassess(MODEL_LOCK, clock.instant(),
                (after, limit) -> rows.assessedUnderOtherModel(current, after, limit));
    }

    /**
     * The partnerships to reassess next, at most {@code limit}; {@code after} is the last one done
     * (the nil id at first), for a selection that goes on in id order.
     */
    @FunctionalInterface
    interface Batches {
        Uni<List<PartnershipRows.StreamRef>> next(UUID after, int limit);
    }

    /**
     * Under the lock {@code lock}, assesses at {@code now} each partnership {@code batches} names,
     * batch after batch until one is short, each row its own write (skipped when an append has
     * moved the stream on: the append wrote a view of its own). Answers how many rows were written.
     */
    private Uni<Integer> reassess(long lock, Instant now, Batches batches) {
        var done = new AtomicInteger();
        var after = new AtomicReference<>(new UUID(0, 0));
        return this.lock.exclusively(lock, () -> Multi.createBy().repeating()
                .uni(() -> batches.next(after.get(), BATCH)
                        .flatMap(batch -> Multi.createFrom().iterable(batch)
                                .onItem().transformToUniAndConcatenate(ref -> projector.at(ref.partnershipId(), now, null)
                                        .flatMap(h -> rows.writeHealth(ref.partnershipId(), ref.version(),
                                                projector.row(ref.partnershipId(), h)))
                                        .invoke(written -> {
                                            after.set(ref.partnershipId());
                                            if (written) {
                                                done.incrementAndGet();
                                            }
                                        }))
                                .collect().asList()
                                .map(results -> batch.size())))
                .until(size -> size < BATCH)
                .collect().last()
                .map(last -> done.get()));
    }
}
