package org.rapport.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of the events topic as a funder's system would run one: it starts at the end of the
 * topic and notes when each event (by ce_id) arrives, on the same clock as the load generator
 * that notes when each commit was acknowledged.
 */
final class Delivery implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final java.util.concurrent.ConcurrentHashMap<String, Long> arrivals = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile long lastReceivedNanos;
    private volatile boolean measuring;
    private volatile boolean running = true;

    Delivery(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        thread = Thread.ofPlatform().name("bench-consumer").start(this::consume);
    }

    private void consume() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(50));
            if (records.isEmpty()) {
                continue;
            }
            lastReceivedNanos = System.nanoTime();
            for (var r : records) {
                received.incrementAndGet();
                var id = r.headers().lastHeader("ce_id");
                if (measuring && id != null) {
                    arrivals.putIfAbsent(new String(id.value(), StandardCharsets.UTF_8), lastReceivedNanos);
                }
            }
        }
        consumer.close();
    }

    /** Starts noting when each event arrives (the records before were only counted). */
    void measure() {
        arrivals.clear();
        measuring = true;
    }

    long received() {
        return received.get();
    }

    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** Waits until {@code count} records have arrived in all, or gives up after {@code patience}. */
    boolean awaitReceived(long count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (received.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received.get() >= count;
    }

    /**
     * The delay of each event from {@code committed} (event id to the moment its commit was
     * acknowledged to the client) to its arrival here; an event that has not arrived counts as a
     * failure.
     */
    Load.Stats delays(java.util.Map<String, Long> committed) {
        var nanos = new ArrayList<Long>(committed.size());
        long missing = 0;
        for (var e : committed.entrySet()) {
            var arrived = arrivals.get(e.getKey());
            if (arrived == null) {
                missing++;
            } else {
                nanos.add(Math.max(0, arrived - e.getValue()));
            }
        }
        return Load.Stats.of(nanos, missing, null, Duration.ofSeconds(1));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
