package org.rapport.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.rapport.testing.Http;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * Sustained appends from several threads, single events and batches of ten, each event with an
 * id chosen here: whatever the answer (or none), the suite can later ask the log what became of
 * every event it sent.
 */
final class Appenders implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORG_A = "resilient-a";
    static final String ORG_B = "resilient-b";

    /** One request: its events' ids, in order. */
    record Sent(UUID partnershipId, List<String> eventIds) {
    }

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    final AtomicLong unreachable = new AtomicLong();
    /** 503 answers carrying Retry-After and a problem+json body. */
    final AtomicLong wellFormedUnavailable = new AtomicLong();
    final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final Http http;
    private final List<UUID> streams;

    Appenders(Http http, List<UUID> streams, int threads) {
        this.http = http;
        this.streams = streams;
        for (int i = 0; i < threads; i++) {
            this.threads.add(Thread.ofPlatform().name("appender-" + i).start(this::run));
        }
    }

    static UUID form(Http http, String name) {
        var answer = http.post("/partnerships", Tokens.admin(), Partnerships.formed(name, ORG_A, ORG_B), Map.of());
        if (answer.status() != 201) {
            throw new IllegalStateException("forming failed: " + answer.status() + " " + answer.body());
        }
        return UUID.fromString(answer.body().get("id").asText());
    }

    private void run() {
        var random = ThreadLocalRandom.current();
        var token = Tokens.admin();
        while (running.get()) {
            var id = streams.get(random.nextInt(streams.size()));
            int size = random.nextInt(5) == 0 ? 10 : 1;
            var ids = new ArrayList<String>();
            var meetings = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < size; i++) {
                var eventId = UUID.randomUUID();
                ids.add(eventId.toString());
                meetings.add(Partnerships.meeting(eventId, LocalDate.now().minusDays(random.nextInt(300)).toString(),
                        ORG_A, ORG_B));
            }
            var path = "/partnerships/" + id + "/events" + (size > 1 ? "/batch" : "");
            sent.add(new Sent(id, ids));
            try {
                var body = JSON.writeValueAsBytes(size > 1 ? meetings : meetings.get(0));
                var answer = http.raw("POST", path, token, "application/json", body, Map.of());
                statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
                if (answer.status() == 201) {
                    acknowledged.addAll(ids);
                } else if (answer.status() == 503) {
                    if (answer.header("Retry-After") != null && String.valueOf(answer.header("Content-Type"))
                            .startsWith("application/problem+json")) {
                        wellFormedUnavailable.incrementAndGet();
                    } else {
                        unexpected.add("503 without Retry-After or problem+json: " + answer.headers());
                    }
                    pause(100);
                } else {
                    unexpected.add(answer.status() + " " + answer.body());
                }
            } catch (IOException e) {
                unreachable.incrementAndGet();
                pause(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long requests() {
        return sent.size();
    }

    long answered(int status) {
        var count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    /** Waits for at least {@code more} further acknowledgements (load is flowing again). */
    void awaitAcknowledged(int more, java.time.Duration patience) throws InterruptedException {
        long target = acknowledged.size() + more;
        long deadline = System.nanoTime() + patience.toNanos();
        while (acknowledged.size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("appends did not resume: " + statuses + ", unreachable " + unreachable);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (var t : threads) {
            t.join();
        }
    }
}
