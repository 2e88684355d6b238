package org.rapport.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.rapport.eventstore.Checkpoints;
import org.rapport.eventstore.ClusterLock;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.FeedCursor;
import org.rapport.eventstore.HealthOutbox;
import org.rapport.eventstore.StoredEvent;

/**
 * Publishes the log to Kafka with no dual write: the log is the outbox. The relay follows the
 * global feed (gap-free, in commit order, so each partnership's events stay in stream order),
 * sends each event to {@code partnership-events} and to the topics of the partnership's funders
 * (never trust-survey responses; a new funder first receives the history), waits for the
 * broker's acknowledgements and only then moves its checkpoint in PostgreSQL. Delivery is at
 * least once: after a crash the last batch is sent again and consumers deduplicate by ce_id.
 *
 * <p>One instance publishes at a time: the relay holds a PostgreSQL advisory lock on a
 * connection of its own; when that instance dies its connection closes, the lock is released and
 * another instance takes over.
 */
@ApplicationScoped
public class EventRelay {

    public static final String NAME = Topics.EVENTS;
    static final long LOCK = 0x7261707072656c61L;
    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final int FUNDER_CACHE = 10_000;
    /** On each link of a publish span: the event it sent for the linked request. */
    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("rapport.event.id");

    private final EventStore store;
    private final Checkpoints checkpoints;
    private final KafkaClients kafka;
    private final KafkaSettings settings;
    private final HealthOutbox outbox;
    private final ClusterLock lock;
    private final Clock clock;
    private final Tracer tracer;
    private final Counter published;
    private final Counter errors;
    private final AtomicLong lagEvents = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final Map<UUID, Set<String>> funders = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Set<String>> eldest) {
            return size() > FUNDER_CACHE;
        }
    };

    private volatile boolean running;
    private volatile boolean leading;
    private Thread thread;
    private ClusterLock.Held held;

    public EventRelay(EventStore store, Checkpoints checkpoints, KafkaClients kafka, KafkaSettings settings,
            HealthOutbox outbox, ClusterLock lock, Clock clock, MeterRegistry registry, Tracer tracer) {
        this.store = store;
        this.tracer = tracer;
        this.checkpoints = checkpoints;
        this.kafka = kafka;
        this.settings = settings;
        this.outbox = outbox;
        this.lock = lock;
        this.clock = clock;
        this.published = Counter.builder("rapport.relay.published").description("Records sent to Kafka")
                .register(registry);
        this.errors = Counter.builder("rapport.relay.publish.errors")
                .description("Failed attempts to publish a batch (retried)").register(registry);
        Gauge.builder("rapport.relay.lag.events", lagEvents, AtomicLong::get)
                .description("Committed events not yet published").register(registry);
        Gauge.builder("rapport.relay.lag.seconds", lagMillis, m -> m.get() / 1000.0)
                .description("Age of the oldest committed event not yet published").register(registry);
        Gauge.builder("rapport.relay.leading", this, r -> r.leading ? 1 : 0)
                .description("1 on the instance that publishes").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.relayEnabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("event-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        releaseLeadership();
    }

    public boolean leading() {
        return leading;
    }

    /** Publishes the log again from the event at {@code position} (in feed order); answers the new cursor. */
    public io.smallrye.mutiny.Uni<FeedCursor> replayFrom(long position) {
        return checkpoints.before(position).call(cursor -> checkpoints.save(NAME, cursor, clock.instant()));
    }

    private void run() {
        while (running) {
            try {
                if (!lead()) {
                    pause(Duration.ofSeconds(1));
                    continue;
                }
                if (publishOnce() + publishHealthOnce() == 0) {
                    pause(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                errors.increment();
                LOG.warnf("Publishing to Kafka failed, will retry: %s", e.toString());
                kafka.resetProducer();
                pause(settings.retryInterval());
            }
        }
    }

    /** Publishes the next batch after the checkpoint; answers how many events it held. */
    int publishOnce() throws Exception {
        var cursor = checkpoints.load(NAME).await().atMost(Duration.ofSeconds(10));
        var page = store.readAll(cursor, settings.batchSize()).await().atMost(Duration.ofSeconds(30));
        if (page.events().isEmpty()) {
            return 0;
        }
        var span = publishSpan(page.events()).startSpan();
        try (var scope = span.makeCurrent()) {
            publish(page.events());
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
        checkpoints.advance(NAME, cursor, page.next(), clock.instant()).await().atMost(Duration.ofSeconds(10));
        return page.events().size();
    }

    /**
     * The span of one batch sent to Kafka: a trace of its own, linked to the span of each request
     * that appended its events (OpenTelemetry's messaging conventions for a batch), so that an
     * operator can go from a request to its publication and back.
     */
    private io.opentelemetry.api.trace.SpanBuilder publishSpan(List<StoredEvent> events) {
        var builder = tracer.spanBuilder("publish " + Topics.EVENTS).setSpanKind(SpanKind.PRODUCER).setNoParent()
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", Topics.EVENTS)
                .setAttribute("messaging.batch.message_count", (long) events.size());
        var linked = new HashSet<String>();
        for (var event : events) {
            var appended = event.trace().spanContext();
            if (appended.isValid() && linked.add(appended.getSpanId())) {
                builder.addLink(appended, Attributes.of(EVENT_ID, event.eventId().toString()));
            }
        }
        return builder;
    }

    private void publish(List<StoredEvent> events) throws Exception {
        kafka.ensureTopic(Topics.EVENTS);
        var sent = new ArrayList<Future<RecordMetadata>>();
        var producer = kafka.producer();
        for (var event : events) {
            sent.add(producer.send(EventRecords.record(Topics.EVENTS, event)));
            if (!org.rapport.domain.EventCatalog.isSurveyResponse(event.type())) {
                for (var funder : fundersFor(event, sent)) {
                    sent.add(producer.send(EventRecords.record(Topics.funderEvents(funder), event)));
                }
            }
            if (event.type().equals("EventVoided")) {
                // A voided funding may withdraw a funder: learn the partnership's funders again.
                funders.remove(event.partnershipId());
            }
        }
        producer.flush();
        for (var future : sent) {
            future.get();
        }
        published.increment(sent.size());
    }

    /**
     * Publishes the next health changes from their outbox to {@code partnership-health} (compacted,
     * keyed by partnership) and the funders' health topics; answers how many.
     */
    int publishHealthOnce() throws Exception {
        var cursor = checkpoints.load(Topics.HEALTH).await().atMost(Duration.ofSeconds(10));
        var changes = outbox.healthChanges(cursor, settings.batchSize()).await().atMost(Duration.ofSeconds(30));
        if (changes.isEmpty()) {
            return 0;
        }
        kafka.ensureTopic(Topics.HEALTH);
        var sent = new ArrayList<Future<RecordMetadata>>();
        var producer = kafka.producer();
        for (var change : changes) {
            sent.add(producer.send(healthRecord(Topics.HEALTH, change)));
            for (var funder : change.funderIds()) {
                kafka.ensureTopic(Topics.funderHealth(funder));
                sent.add(producer.send(healthRecord(Topics.funderHealth(funder), change)));
            }
        }
        producer.flush();
        for (var future : sent) {
            future.get();
        }
        published.increment(sent.size());
        var last = changes.get(changes.size() - 1);
        checkpoints.advance(Topics.HEALTH, cursor, new FeedCursor(last.txId(), last.id()), clock.instant())
                .await().atMost(Duration.ofSeconds(10));
        return changes.size();
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> healthRecord(String topic,
            HealthOutbox.HealthChange change) {
        var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, change.partnershipId().toString(),
                change.summary().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return record;
    }

    /**
     * The funders whose topics carry this event. A funding from a funder new to the partnership
     * first sends that funder the partnership's history.
     */
    private Set<String> fundersFor(StoredEvent event, List<Future<RecordMetadata>> sent) throws Exception {
        var known = funders.get(event.partnershipId());
        if (known == null) {
            known = new HashSet<>(checkpoints.fundersBefore(event.partnershipId(), event.version())
                    .await().atMost(Duration.ofSeconds(10)));
            funders.put(event.partnershipId(), known);
        }
        if (event.type().equals("FundingSecured")) {
            var funder = event.data().path("funder").path("funderId").asText();
            if (!known.contains(funder)) {
                kafka.ensureTopic(Topics.funderEvents(funder));
                var history = store.readStream(event.partnershipId(), 1, (int) Math.min(Integer.MAX_VALUE,
                        event.version() - 1)).await().atMost(Duration.ofSeconds(30));
                for (var earlier : history) {
                    if (!org.rapport.domain.EventCatalog.isSurveyResponse(earlier.type())) {
                        sent.add(kafka.producer().send(EventRecords.record(Topics.funderEvents(funder), earlier)));
                    }
                }
                known.add(funder);
            }
        }
        for (var funder : known) {
            kafka.ensureTopic(Topics.funderEvents(funder));
        }
        return known;
    }

    /**
     * The backlog behind the relay's checkpoint, measured on a schedule rather than on every poll:
     * counting a large backlog (the broker down for hours) on each retry would load the database.
     */
    @Scheduled(every = "${rapport.kafka.lag-interval:PT5S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    io.smallrye.mutiny.Uni<Void> measureLag() {
        return checkpoints.load(NAME).flatMap(checkpoints::behind).invoke(behind -> {
            lagEvents.set(behind.events());
            lagMillis.set(behind.oldestRecordedAt() == null ? 0
                    : Math.max(0, Duration.between(behind.oldestRecordedAt(), clock.instant()).toMillis()));
        }).replaceWithVoid();
    }

    /** Holds the advisory lock on a connection of its own, or tries to take it. */
    private boolean lead() {
        try {
            if (held != null) {
                held.check().await().atMost(Duration.ofSeconds(5));
                return true;
            }
            var taken = lock.tryHold(LOCK).await().atMost(Duration.ofSeconds(5));
            if (taken.isPresent()) {
                held = taken.get();
                leading = true;
                funders.clear();
                LOG.info("This instance now publishes the log to Kafka");
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            releaseLeadership();
            return false;
        }
    }

    private void releaseLeadership() {
        leading = false;
        if (held != null) {
            try {
                held.release().await().atMost(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing the relay's lock connection failed", e);
            }
            held = null;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
