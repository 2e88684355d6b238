package org.rapport.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rapport.devstack.LocalKafka;
import org.rapport.testing.Http;
import org.rapport.testing.KafkaReader;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.PackagedService;
import org.rapport.testing.Partnerships;
import org.rapport.testing.StoppablePostgres;
import org.rapport.testing.Tokens;

/**
 * The resilience suite, against the packaged service, a real PostgreSQL and a real Kafka broker:
 * kill -9 during appends, two instances racing for versions, the database stopped and started,
 * the broker stopped and started, and thousands of hostile requests. Nothing acknowledged may be
 * lost or doubled, no batch half-written, no rejected request may change the log or the views,
 * and no answer may be a 5xx other than the 503 of a database outage.
 *
 * <p>{@code ./mvnw verify} runs it reduced; {@code ./mvnw verify -Presilience} runs it at full
 * scale ({@code -Dresilience.scale=full}). The summary goes to {@code target/resilience/<commit>.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    static final boolean FULL = "full".equals(System.getProperty("resilience.scale"));
    static final Report REPORT = new Report(FULL ? "full scale" : "reduced scale");
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @AfterAll
    static void summary() throws IOException {
        REPORT.write();
    }

    @Test
    @Order(1)
    void a_killed_instance_loses_nothing_it_acknowledged() throws Exception {
        int kills = FULL ? 5 : 2;
        var config = PackagedService.freshDatabase("crash");
        var database = config.get("quarkus.datasource.jdbc.url");
        try (var service = PackagedService.launch("crash", config)) {
            var streams = streams(service.http(), 10);
            var load = new Appenders(service.http(), streams, 8);
            try (load) {
                for (int i = 0; i < kills; i++) {
                    load.awaitAcknowledged(FULL ? 400 : 100, PATIENCE);
                    service.kill();
                    REPORT.faults.incrementAndGet();
                    Thread.sleep(500);
                    service.start();
                }
                load.awaitAcknowledged(50, PATIENCE);
            }
            var outcome = verify(() -> java.sql.DriverManager.getConnection(database, "postgres", "postgres"),
                    streams, load);
            REPORT.scenario("kill -9 during appends, " + kills + " times", outcome + "; "
                    + String.format("%,d", load.unreachable.get()) + " requests found no service");
            assertThat(load.unexpected).as("answers other than 201").isEmpty();
        }
    }

    @Test
    @Order(2)
    void racing_instances_win_each_version_once() throws Exception {
        int appendsPerWriter = FULL ? 60 : 12;
        var config = PackagedService.freshDatabase("racing");
        try (var a = PackagedService.launch("racing-a", config);
                var b = PackagedService.launch("racing-b", config)) {
            var ids = streams(a.http(), 3);
            record Won(UUID partnershipId, String eventId, long version) {
            }
            var won = ConcurrentHashMap.<Won>newKeySet();
            var lostRaces = new AtomicInteger();
            var failures = new ConcurrentHashMap<String, Integer>();
            int writers = 6;
            try (var pool = Executors.newFixedThreadPool(writers)) {
                for (int w = 0; w < writers; w++) {
                    var http = (w % 2 == 0 ? a : b).http();
                    int writer = w;
                    pool.submit(() -> {
                        for (int i = 0; i < appendsPerWriter; i++) {
                            var id = ids.get((writer + i) % ids.size());
                            var meeting = Partnerships.meeting(LocalDate.now().minusDays((writer * 7 + i) % 60)
                                    .toString(), Appenders.ORG_A, Appenders.ORG_B);
                            while (true) {
                                var version = version(http, id);
                                var answer = http.post("/partnerships/" + id + "/events", Tokens.admin(), meeting,
                                        Map.of("If-Match", "\"" + version + "\""));
                                REPORT.requests.addAndGet(2);
                                if (answer.status() == 201) {
                                    won.add(new Won(id, answer.body().get("eventId").asText(),
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
                pool.shutdown();
                assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
            }
            assertThat(failures).as("answers other than 201 and 412").isEmpty();
            assertThat(won).hasSize(writers * appendsPerWriter);
            REPORT.acknowledged.addAndGet(won.size());
            assertThat(lostRaces.get()).as("the writers did race for versions").isPositive();
            for (var id : ids) {
                var stream = stream(a.http(), id);
                var mine = won.stream().filter(x -> x.partnershipId().equals(id)).toList();
                assertThat(stream.keySet()).as("versions 1..n, no gaps").containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, mine.size() + 1).boxed().toList());
                for (var x : mine) {
                    assertThat(stream.get(x.version())).as("the version acknowledged holds its event")
                            .isEqualTo(x.eventId());
                }
                assertThat(new HashSet<>(stream.values())).as("each event once").hasSize(stream.size());
            }

            // Each instance keeps in memory the streams it wrote, which the other has moved on since:
            // a void and appends through both must still store exactly the health the log gives.
            for (var id : ids) {
                var voided = b.http().post("/partnerships/" + id + "/events", Tokens.admin(), Map.of("type",
                        "EventVoided", "occurredAt", LocalDate.now().toString(), "voidedEventId",
                        stream(a.http(), id).get(2L), "reason", "recorded twice"), Map.of());
                assertThat(voided.status()).as("%s", voided.body()).isEqualTo(201);
                assertThat(scores(b.http(), id, "")).isEqualTo(scores(b.http(), id, "?asOf=" + LocalDate.now()));
                var after = a.http().post("/partnerships/" + id + "/events", Tokens.admin(),
                        Partnerships.meeting(LocalDate.now().toString(), Appenders.ORG_A, Appenders.ORG_B), Map.of());
                assertThat(after.status()).as("%s", after.body()).isEqualTo(201);
                assertThat(scores(a.http(), id, "")).as("stored by the instance that did not see the void")
                        .isEqualTo(scores(a.http(), id, "?asOf=" + LocalDate.now()));
            }
            REPORT.scenario("two instances, " + writers + " writers with If-Match on " + ids.size() + " streams",
                    String.format("%,d versions won once each, %,d races lost and retried, no gaps; health equal"
                            + " to a fresh assessment on both instances", won.size(), lostRaces.get()));
        }
    }

    @Test
    @Order(3)
    void a_database_outage_is_answered_503_and_recovered_from_without_a_restart() throws Exception {
        try (var postgres = new StoppablePostgres()) {
            var config = new HashMap<>(new LocalInfrastructure().start());
            config.putAll(postgres.datasource());
            try (var service = PackagedService.launch("db-outage", config)) {
                var streams = streams(service.http(), 10);
                var load = new Appenders(service.http(), streams, 6);
                var readiness = new ArrayList<Integer>();
                var liveness = new ArrayList<Integer>();
                try (load) {
                    load.awaitAcknowledged(100, PATIENCE);
                    postgres.stop();
                    REPORT.faults.incrementAndGet();
                    await("readiness DOWN", () -> status(service.http(), "/q/health/ready") == 503);
                    long during = load.wellFormedUnavailable.get();
                    var outageEnds = Instant.now().plus(Duration.ofSeconds(FULL ? 30 : 5));
                    while (Instant.now().isBefore(outageEnds)) {
                        readiness.add(status(service.http(), "/q/health/ready"));
                        liveness.add(status(service.http(), "/q/health/live"));
                        Thread.sleep(250);
                    }
                    assertThat(load.wellFormedUnavailable.get()).as("503s while down").isGreaterThan(during);
                    postgres.start();
                    await("readiness UP again", () -> status(service.http(), "/q/health/ready") == 200);
                    assertThat(service.alive()).as("recovered without a restart").isTrue();
                    load.awaitAcknowledged(100, PATIENCE);
                }
                assertThat(readiness).as("readiness while the database was down").containsOnly(503);
                assertThat(liveness).as("liveness while the database was down").containsOnly(200);
                REPORT.outageAnswers.addAndGet(load.wellFormedUnavailable.get());
                var outcome = verify(postgres::connect, streams, load);
                REPORT.scenario("PostgreSQL stopped under load for " + (FULL ? 30 : 5) + " s, then started",
                        String.format("%,d answered 503 with Retry-After; readiness DOWN, liveness UP; recovered"
                                + " without a restart; ", load.wellFormedUnavailable.get()) + outcome);
                assertThat(load.unexpected).as("answers other than 201 and 503").isEmpty();
                assertThat(load.unreachable.get()).as("requests the running service did not answer").isZero();
            }
        }
    }

    @Test
    @Order(4)
    void appends_continue_through_a_broker_outage_and_the_backlog_drains() throws Exception {
        var config = PackagedService.freshDatabase("kafka_outage");
        var database = config.get("quarkus.datasource.jdbc.url");
        try (var service = PackagedService.launch("kafka-outage", config)) {
            var streams = streams(service.http(), 10);
            var load = new Appenders(service.http(), streams, 6);
            long acknowledgedWhileDown;
            try (load) {
                load.awaitAcknowledged(100, PATIENCE);
                LocalKafka.stop();
                REPORT.faults.incrementAndGet();
                try {
                    long before = load.acknowledged.size();
                    Thread.sleep(FULL ? 30_000 : 5_000);
                    assertThat(status(service.http(), "/q/health/ready")).as("readiness ignores Kafka")
                            .isEqualTo(200);
                    acknowledgedWhileDown = load.acknowledged.size() - before;
                } finally {
                    LocalKafka.restart();
                }
                load.awaitAcknowledged(50, PATIENCE);
            }
            assertThat(acknowledgedWhileDown).as("appends while the broker was down").isPositive();
            var outcome = verify(() -> java.sql.DriverManager.getConnection(database, "postgres", "postgres"),
                    streams, load);
            REPORT.scenario("Kafka stopped under load for " + (FULL ? 30 : 5) + " s, then started",
                    String.format("%,d events acknowledged while it was down; ", acknowledgedWhileDown) + outcome);
            assertThat(load.unexpected).as("answers other than 201").isEmpty();
        }
    }

    @Test
    @Order(5)
    void hostile_requests_get_problems_never_5xx_and_change_nothing_they_were_refused() throws Exception {
        int requests = FULL ? 50_000 : 4_000;
        var config = PackagedService.freshDatabase("hostile");
        var database = config.get("quarkus.datasource.jdbc.url");
        try (var service = PackagedService.launch("hostile", config)) {
            var http = service.http();
            var funder = "hostile-funder";
            assertThat(http.post("/admin/funders", Tokens.admin(), Map.of("funderId", funder, "name", "A funder",
                    "kind", "TRUST"), Map.of()).status()).isEqualTo(201);
            var streams = streams(http, 5);
            var eventIds = new ArrayList<String>();
            for (var id : streams) {
                eventIds.add(http.post("/partnerships/" + id + "/events", Tokens.admin(),
                        Partnerships.meeting(LocalDate.now().minusDays(3).toString(), Appenders.ORG_A,
                                Appenders.ORG_B), Map.of()).body().get("eventId").asText());
            }
            var before = Snapshot.take(database);

            var accepted = new Snapshot.Accepted();
            var byStatus = new TreeMap<Integer, AtomicLong>();
            var notProblems = new ArrayList<String>();
            var serverErrors = new ArrayList<String>();
            var noAnswer = new AtomicLong();
            int threads = 4;
            var tasks = new ArrayList<java.util.concurrent.Future<Object>>();
            try (var pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    var hostile = new Hostile(1_000 + t, streams, eventIds, Appenders.ORG_A, funder);
                    tasks.add(pool.submit(() -> {
                        for (int i = 0; i < requests / threads; i++) {
                            var request = hostile.next();
                            Http.Raw answer;
                            try {
                                answer = http.raw(request.method(), request.path(), request.token(),
                                        request.contentType(), request.body(), request.headers());
                            } catch (IOException e) {
                                noAnswer.incrementAndGet();
                                synchronized (serverErrors) {
                                    serverErrors.add(request.kind() + " " + request.method() + " "
                                            + abbreviate(request.path()) + ": no answer, " + e);
                                }
                                continue;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return null;
                            }
                            synchronized (byStatus) {
                                byStatus.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
                            }
                            if (answer.status() >= 500) {
                                synchronized (serverErrors) {
                                    serverErrors.add(request.kind() + " " + request.method() + " "
                                            + abbreviate(request.path()) + " -> " + answer.status() + " "
                                            + abbreviate(answer.body()));
                                }
                            } else if (answer.status() >= 400 && !isProblem(answer)) {
                                synchronized (notProblems) {
                                    notProblems.add(request.kind() + " " + request.method() + " "
                                            + abbreviate(request.path()) + " -> " + answer.status() + " "
                                            + answer.header("Content-Type") + " " + abbreviate(answer.body())
                                            + " (sent " + request.contentType() + ", " + request.headers() + ", "
                                            + (request.body() == null ? "no body" : abbreviate(new String(request.body(),
                                                    java.nio.charset.StandardCharsets.ISO_8859_1))) + ")");
                                }
                            } else if (answer.status() / 100 == 2 && request.writes()) {
                                accepted.record(request.path(), answer.body());
                            }
                        }
                        return null;
                    }));
                }
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
            }
            for (var task : tasks) {
                task.get();
            }
            REPORT.requests.addAndGet(requests);
            REPORT.serverErrors.addAndGet(serverErrors.size());
            var after = Snapshot.take(database);
            var changed = before.changedBesides(after, accepted);
            REPORT.scenario(String.format("%,d hostile requests on every write and read endpoint", requests),
                    String.format("answers %s; %d 5xx; %d errors not problem+json; %d requests accepted as valid;"
                            + " rows changed by refused requests: %d", byStatus, serverErrors.size(),
                            notProblems.size(), accepted.requests(), changed.size()));
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "resilience"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "resilience", "hostile-findings.txt"),
                    java.util.stream.Stream.of(serverErrors, notProblems, changed).flatMap(List::stream).toList());
            var answered = byStatus.values().stream().mapToLong(AtomicLong::get).sum();
            assertThat(answered + noAnswer.get()).as("requests sent").isEqualTo(requests);
            assertThat(serverErrors).as("5xx answers").isEmpty();
            assertThat(notProblems).as("errors that are not problem+json").isEmpty();
            assertThat(accepted.requests()).as("hostile requests mostly refused").isLessThan(requests / 10);
            assertThat(changed).as("rows changed by refused requests").isEmpty();
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    interface Connector {
        Connection connect() throws java.sql.SQLException;
    }

    /**
     * What became of every event sent: each acknowledged one stored exactly once and published;
     * each batch whole or absent; each stream without gaps. Adds to the report and asserts.
     */
    static String verify(Connector database, List<UUID> streams, Appenders load) throws Exception {
        var sentIds = new ArrayList<String>();
        load.sent.forEach(s -> sentIds.addAll(s.eventIds()));
        var stored = new HashMap<String, Long>();
        var gaps = new ArrayList<String>();
        try (var c = database.connect()) {
            try (var q = c.prepareStatement("select event_id::text, count(*) from events where event_id = any(?)"
                    + " group by 1")) {
                q.setArray(1, c.createArrayOf("uuid", sentIds.stream().map(UUID::fromString).toArray()));
                try (var rows = q.executeQuery()) {
                    while (rows.next()) {
                        stored.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            try (var q = c.prepareStatement("select stream_id::text, count(*), max(version) from events"
                    + " where stream_id = any(?) group by 1")) {
                q.setArray(1, c.createArrayOf("uuid", streams.toArray()));
                try (var rows = q.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getLong(2) != rows.getLong(3)) {
                            gaps.add(rows.getString(1));
                        }
                    }
                }
            }
        }
        var lost = load.acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
        var doubled = stored.values().stream().filter(n -> n > 1).count();
        var halfWritten = load.sent.stream().filter(s -> {
            long present = s.eventIds().stream().filter(stored::containsKey).count();
            return present != 0 && present != s.eventIds().size();
        }).count();
        var ids = new HashSet<>(load.acknowledged);
        var keys = new HashSet<String>();
        streams.forEach(s -> keys.add(s.toString()));
        var published = new HashSet<String>();
        var read = new int[1];
        KafkaReader.readUntil("partnership-events", records -> {
            for (; read[0] < records.size(); read[0]++) {
                var r = records.get(read[0]);
                if (keys.contains(r.key())) {
                    published.add(KafkaReader.header(r, "ce_id"));
                }
            }
            return published.containsAll(ids);
        }, PATIENCE);
        var unpublished = ids.stream().filter(id -> !published.contains(id)).count();

        REPORT.requests.addAndGet(load.requests());
        REPORT.acknowledged.addAndGet(load.acknowledged.size());
        REPORT.lost.addAndGet(lost + unpublished);
        assertThat(lost).as("acknowledged events missing from the log").isZero();
        assertThat(doubled).as("events stored twice").isZero();
        assertThat(halfWritten).as("batches half-written").isZero();
        assertThat(gaps).as("streams with gaps").isEmpty();
        assertThat(unpublished).as("acknowledged events that never reached Kafka").isZero();
        return String.format("%,d requests, %,d events acknowledged: all stored once and on Kafka;"
                + " no half-written batch, no gap", load.requests(), load.acknowledged.size());
    }

    static List<UUID> streams(Http http, int count) {
        var streams = new ArrayList<UUID>();
        for (int i = 0; i < count; i++) {
            streams.add(Appenders.form(http, "Resilient " + i));
        }
        return streams;
    }

    static int status(Http http, String path) {
        try {
            return http.raw("GET", path, null, null, null, Map.of()).status();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    static boolean isProblem(Http.Raw answer) {
        if (!String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
            return false;
        }
        try {
            var body = Hostile.JSON.readTree(answer.body());
            return body.hasNonNull("type") && body.hasNonNull("title") && body.path("status").asInt() == answer.status();
        } catch (IOException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "...";
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
