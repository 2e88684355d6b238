package org.rapport.ledger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.eventstore.EventStore;

/** Forgets idempotency keys once their retention has passed. */
@ApplicationScoped
public class IdempotencyKeyJanitor {

    private final EventStore store;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyKeyJanitor(EventStore store, Clock clock,
            @ConfigProperty(name = "rapport.idempotency.retention", defaultValue = "PT48H") Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetExpired() {
        return store.forgetKeysBefore(clock.instant().minus(retention)).replaceWithVoid();
    }
}
