package org.rapport.health;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.rapport.eventstore.EventStore;

/**
 * Time moves health without new events: trust fades, a funding cliff approaches. Once a day the
 * stored views not yet assessed that day are assessed again, on one instance at a time (an
 * advisory lock) and in small batches, each row its own short write.
 */
@ApplicationScoped
public class Reassessment {

    static final long LOCK = 0x7261707065617373L;
    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(Reassessment.class);

    private final EventStore store;
    private final HealthProjector projector;
    private final Clock clock;

    public Reassessment(EventStore store, HealthProjector projector, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.clock = clock;
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
     * Reassesses every partnership not yet assessed today; answers how many, or null when another
     * instance is doing it.
     */
    public Uni<Integer> reassessAll() {
        var now = clock.instant();
        var startOfDay = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        var done = new AtomicInteger();
        return store.exclusively(LOCK, () -> Multi.createBy().repeating()
                .uni(() -> store.assessedBefore(startOfDay, BATCH)
                        .flatMap(batch -> Multi.createFrom().iterable(batch)
                                .onItem().transformToUniAndConcatenate(ref -> projector.at(ref.partnershipId(), now, null)
                                        .flatMap(h -> store.writeHealth(ref.partnershipId(), ref.version(),
                                                projector.row(ref.partnershipId(), h)))
                                        .invoke(written -> done.incrementAndGet()))
                                .collect().asList()
                                .map(results -> batch.size())))
                .until(size -> size < BATCH)
                .collect().last()
                .map(last -> done.get()));
    }
}
