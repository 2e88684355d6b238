package org.rapport.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Http;
import org.rapport.testing.PackagedService;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * Two packaged service processes on one database, writers on both appending to the same streams
 * with If-Match: each version is won once, the streams have no gaps, every acknowledged event is
 * stored once; and the health each instance stores equals a fresh assessment from the log, though
 * each keeps the streams it wrote in memory and the other moved them on.
 */
class RacingInstancesIT {

    static final int STREAMS = 3;
    static final int WRITERS_PER_INSTANCE = 3;
    static final int APPENDS_PER_WRITER = 12;

    record Acknowledged(UUID partnershipId, String eventId, long version) {
    }

    @Test
    void racing_instances_win_each_version_once_and_store_the_health_the_log_gives() throws Exception {
        var config = PackagedService.freshDatabase("racing");
        try (var a = PackagedService.launch("racing-a", config);
                var b = PackagedService.launch("racing-b", config)) {
            var ids = new ArrayList<UUID>();
            for (int i = 0; i < STREAMS; i++) {
                var formed = a.http().post("/partnerships", Tokens.admin(),
                        Partnerships.formed("Racing " + i, "race-a", "race-b"), Map.of());
                assertThat(formed.status()).isEqualTo(201);
                ids.add(UUID.fromString(formed.body().get("id").asText()));
            }

            var acknowledged = ConcurrentHashMap.<Acknowledged>newKeySet();
            var lostRaces = new AtomicInteger();
            var failures = new ConcurrentHashMap<String, Integer>();
            try (var writers = Executors.newFixedThreadPool(2 * WRITERS_PER_INSTANCE)) {
                for (int w = 0; w < 2 * WRITERS_PER_INSTANCE; w++) {
                    var http = (w % 2 == 0 ? a : b).http();
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                            var id = ids.get((writer + i) % STREAMS);
                            var meeting = Partnerships.meeting(LocalDate.now().minusDays((writer * 7 + i) % 60)
                                    .toString(), "race-a", "race-b");
                            while (true) {
                                var version = version(http, id);
                                var answer = http.post("/partnerships/" + id + "/events", Tokens.admin(), meeting,
                                        Map.of("If-Match", "\"" + version + "\""));
                                if (answer.status() == 201) {
                                    acknowledged.add(new Acknowledged(id, answer.body().get("eventId").asText(),
                                            Long.parseLong(answer.header("ETag").replace("\"", ""))));
                                    break;
                                }
                                if (answer.status() == 412) {
                                    lostRaces.incrementAndGet();
                                    continue;
                                }
                                failures.merge(answer.status() + " " + answer.body(), 1, Integer::sum);
                                break;
                            }
                        }
                    });
                }
                writers.shutdown();
                assertThat(writers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            }

            assertThat(failures).as("answers other than 201 and 412").isEmpty();
            assertThat(acknowledged).hasSize(2 * WRITERS_PER_INSTANCE * APPENDS_PER_WRITER);
            assertThat(lostRaces.get()).as("the writers did race for versions").isPositive();
            for (var id : ids) {
                var stream = stream(a.http(), id);
                var mine = acknowledged.stream().filter(x -> x.partnershipId().equals(id)).toList();
                assertThat(stream.keySet()).as("versions 1..n, no gaps")
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, mine.size() + 1)
                                .boxed().toList());
                for (var x : mine) {
                    assertThat(stream.get(x.version())).as("the version acknowledged holds its event")
                            .isEqualTo(x.eventId());
                }
                assertThat(new HashSet<>(stream.values())).as("each event once").hasSize(stream.size());
            }

            // Each instance now holds streams the other moved on; a void and appends through both
            // must still store exactly what the log gives.
            for (var id : ids) {
                var first = stream(a.http(), id).get(2L);
                var voided = b.http().post("/partnerships/" + id + "/events", Tokens.admin(), Map.of("type",
                        "EventVoided", "occurredAt", LocalDate.now().toString(), "voidedEventId", first, "reason",
                        "recorded twice"), Map.of());
                assertThat(voided.status()).as("%s", voided.body()).isEqualTo(201);
                assertThat(scores(b.http(), id, "")).isEqualTo(scores(b.http(), id, "?asOf=" + LocalDate.now()));
                var after = a.http().post("/partnerships/" + id + "/events", Tokens.admin(),
                        Partnerships.meeting(LocalDate.now().toString(), "race-a", "race-b"), Map.of());
                assertThat(after.status()).as("%s", after.body()).isEqualTo(201);
                assertThat(scores(a.http(), id, "")).as("stored by the instance that did not see the void")
                        .isEqualTo(scores(a.http(), id, "?asOf=" + LocalDate.now()));
            }
        }
    }

    static long version(Http http, UUID id) {
        var answer = http.get("/partnerships/" + id, Tokens.admin());
        assertThat(answer.status()).isEqualTo(200);
        return Long.parseLong(answer.header("ETag").replace("\"", "").replace("W/", ""));
    }

    /** The whole stream: version to event id. */
    static TreeMap<Long, String> stream(Http http, UUID id) {
        var stream = new TreeMap<Long, String>();
        long from = 1;
        while (true) {
            var page = http.get("/partnerships/" + id + "/events?limit=100&fromVersion=" + from, Tokens.admin());
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode e : page.body().get("events")) {
                assertThat(stream.put(e.get("version").asLong(), e.get("eventId").asText())).isNull();
            }
            if (page.body().get("events").isEmpty()) {
                return stream;
            }
            from = page.body().get("next").asLong();
        }
    }

    /** Health without what names moments: status, overall, each dimension's score, alert codes. */
    static Map<String, Object> scores(Http http, UUID id, String query) {
        var health = http.get("/partnerships/" + id + "/health" + query, Tokens.admin());
        assertThat(health.status()).isEqualTo(200);
        var dimensions = new TreeMap<String, String>();
        health.body().get("dimensions").fields()
                .forEachRemaining(d -> dimensions.put(d.getKey(), d.getValue().get("score").asText()));
        Set<String> alerts = new java.util.TreeSet<>();
        health.body().get("alerts").forEach(alert -> alerts.add(alert.get("code").asText()));
        return Map.of("status", health.body().get("status").asText(), "overall",
                health.body().get("overall").asText(), "dimensions", dimensions, "alerts", List.copyOf(alerts));
    }
}
