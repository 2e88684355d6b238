package org.rapport.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the global feed lags behind what is committed. The feed serves only events below the
 * oldest running transaction, so one long transaction anywhere in the cluster holds every
 * follower back: these gauges make such a stall visible.
 */
@ApplicationScoped
public class FeedLag {

    private final EventStore store;
    private final Clock clock;
    private final AtomicLong heldBackEvents = new AtomicLong();
    private final AtomicLong heldBackMillis = new AtomicLong();

    public FeedLag(EventStore store, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.clock = clock;
        Gauge.builder("rapport.feed.held.back.events", heldBackEvents, AtomicLong::get)
                .description("Committed events the global feed cannot serve yet (an older transaction is running)")
                .register(registry);
        Gauge.builder("rapport.feed.held.back.seconds", heldBackMillis, m -> m.get() / 1000.0)
                .description("Age of the oldest committed event the global feed cannot serve yet")
                .register(registry);
    }

    @Scheduled(every = "${rapport.feed.lag-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        return store.heldBack().invoke(held -> {
            heldBackEvents.set(held.events());
            heldBackMillis.set(held.oldestRecordedAt() == null ? 0
                    : Math.max(0, Duration.between(held.oldestRecordedAt(), clock.instant()).toMillis()));
        }).replaceWithVoid();
    }
}
