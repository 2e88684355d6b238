package org.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Http;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * Measures what the health view costs: appends dated now (which move the kept health facts
 * forward) to a 10-event stream and to 10,000-event streams; appends recorded late (which fold
 * the stream again) to 10,000- and 50,000-event streams beside one to a new stream; and portfolio
 * queries over 10,000 partnerships. Run with {@code ./mvnw test -Pbenchmark};
 * it prints a table (also written to target/benchmarks/health.md) and asserts only that every
 * request it timed succeeded.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
@Tag("benchmark")
class HealthCostBenchmarkTests {

    static final int SAMPLES = 200;

    @TestHTTPResource("/")
    URI base;

    record Timing(String what, double p50, double p99) {
    }

    static Timing timing(String what, List<Long> nanos) {
        var stats = Load.Stats.of(nanos, 0, null, java.time.Duration.ofSeconds(1));
        return new Timing(what, stats.p50Millis(), stats.p99Millis());
    }

    /** Appends of meetings dated over the last 300 days: each is recorded late, so the stream is folded again. */
    Timing appends(Http http, String what, UUID id) {
        return appends(http, what, id, i -> LocalDate.now().minusDays(i % 300).toString());
    }

    /** Appends of meetings dated the moment they are sent: each moves the kept health facts forward. */
    Timing appendsInOrder(Http http, String what, UUID id) {
        return appends(http, what, id, i -> java.time.Instant.now().toString());
    }

    Timing appends(Http http, String what, UUID id, java.util.function.IntFunction<String> occurredAt) {
        var nanos = new ArrayList<Long>();
        for (int i = 0; i < SAMPLES; i++) {
            var body = Partnerships.meeting(occurredAt.apply(i), "bench-a", "bench-b");
            long start = System.nanoTime();
            var answer = http.post("/partnerships/" + id + "/events", Tokens.admin(), body, Map.of());
            nanos.add(System.nanoTime() - start);
            assertThat(answer.status()).isEqualTo(201);
        }
        return timing(what, nanos);
    }

    Timing gets(Http http, String what, String path) {
        var nanos = new ArrayList<Long>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            var answer = http.get(path, Tokens.admin());
            nanos.add(System.nanoTime() - start);
            assertThat(answer.status()).isEqualTo(200);
        }
        return timing(what, nanos);
    }

    /** A partnership whose stream holds {@code events} daily meetings up to today. */
    static UUID stream(int events) throws Exception {
        return stream(events, 1);
    }

    /** A partnership whose stream holds {@code events} meetings {@code days} apart up to today. */
    static UUID stream(int events, int days) throws Exception {
        var id = Partnerships.form("bench-a", "bench-b");
        try (var connection = LocalInfrastructure.connect(); var insert = connection.prepareStatement("""
                insert into events (stream_id, version, event_id, type, schema_version, data, occurred_at, recorded_at,
                                    recorded_by)
                select ?, 1 + g, gen_random_uuid(), 'MeetingHeld', 1,
                       '{"format":"IN_PERSON","kind":"STEERING","attendees":[{"personRef":"a","orgId":"bench-a","seniority":"EXECUTIVE"},{"personRef":"b","orgId":"bench-b","seniority":"EXECUTIVE"}]}'::jsonb,
                       now() - (? - g) * ? * interval '1 day', now(), 'benchmark'
                from generate_series(1, ?) g""");
                var head = connection.prepareStatement("update partnerships set version = ? where id = ?")) {
            insert.setObject(1, id);
            insert.setInt(2, events);
            insert.setInt(3, days);
            insert.setInt(4, events);
            insert.executeUpdate();
            head.setLong(1, events + 1L);
            head.setObject(2, id);
            head.executeUpdate();
        }
        return id;
    }

    @Test
    void health_costs_on_a_long_stream_and_a_large_portfolio() throws Exception {
        var http = new Http(base);
        var fresh = Partnerships.form("bench-a", "bench-b");
        var longStream = stream(10_000);
        var longerStream = stream(50_000);
        for (var stream : List.of(longStream, longerStream)) {
            try (var connection = LocalInfrastructure.connect(); var explain = connection.createStatement()) {
                var sql = org.rapport.eventstore.EventStore.HEALTH_QUERY.replace("$1", "'" + stream + "'::uuid")
                        .replace("$2", "now() + interval '1 day'").replace("$3", "null")
                        .replace("$4", "now() - interval '1097 days'")
                        .replace("$5::text[]", "array['PartnershipFormed', 'FundingSecured']");
                var plan = new StringBuilder();
                try (var rows = explain.executeQuery("explain (analyze, buffers) " + sql)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                System.out.println("PLAN for " + stream + "\n" + plan);
            }
        }
        var timings = new ArrayList<Timing>();
        appends(http, "warm-up", fresh);
        // In order, each append moves the kept facts forward: its cost is that of the facts, which
        // hold the window's meetings (three active years), not that of the stream.
        var short10 = stream(10);
        var sparse = stream(10_000, 7);
        appendsInOrder(http, "warm-up", short10);
        timings.add(appendsInOrder(http, "append a meeting now to a 10-event stream", short10));
        timings.add(appendsInOrder(http, "append a meeting now to a 10,000-event stream (weekly meetings, 157 in the window)",
                sparse));
        timings.add(appendsInOrder(http, "append a meeting now to a 10,000-event stream (daily meetings, 1,098 in the window)",
                longStream));
        // Once more, now that the relay has published the inserted streams: the first measurement
        // shares the machine with that backlog.
        timings.add(appendsInOrder(http, "append a meeting now to the 10-event stream, again", short10));
        timings.add(appends(http, "append a meeting dated up to 300 days back (late) to a new stream", fresh));
        timings.add(appends(http, "append a meeting dated up to 300 days back (late) to a 10,000-event stream (daily meetings)", longStream));
        timings.add(appends(http, "append a meeting dated up to 300 days back (late) to a 50,000-event stream (daily meetings)", longerStream));
        timings.add(gets(http, "GET health of the 10,000-event stream (stored view)", "/partnerships/" + longStream
                + "/health"));
        var tomorrow = LocalDate.now().plusDays(1);
        timings.add(gets(http, "GET health of the 10,000-event stream, assessed (asOf)", "/partnerships/" + longStream
                + "/health?asOf=" + tomorrow));
        timings.add(gets(http, "GET health of the 50,000-event stream, assessed (asOf)", "/partnerships/"
                + longerStream + "/health?asOf=" + tomorrow));

        try (var connection = LocalInfrastructure.connect(); var insert = connection.prepareStatement("""
                insert into partnerships (id, version, state, partner_orgs, updated_at, name, partnership_type, sectors,
                                          funder_ids, health_status, health_overall, health_alerts, health_assessed_at)
                select gen_random_uuid(), 1, '{}'::jsonb, array['org' || (g % 500)], now(), 'bench ' || g,
                       (array['SECONDMENT','COOPERATIVE','COORDINATED','COLLABORATIVE'])[1 + g % 4],
                       array[(array['PUBLIC','PRIVATE','VOLUNTARY','COMMUNITY'])[1 + g % 4]],
                       array['funder' || (g % 50)], (array['GREEN','AMBER','RED','NOT_ENOUGH_DATA'])[1 + g % 4],
                       g % 101, case when g % 7 = 0 then array['NO_MEETING'] else '{}'::text[] end, now()
                from generate_series(1, 10000) g""")) {
            insert.executeUpdate();
        }
        try (var connection = LocalInfrastructure.connect(); var analyze = connection.createStatement()) {
            analyze.execute("analyze partnerships");
        }
        for (var query : Arrays.asList("?sort=name", "?sort=-overall", "?status=RED&sort=-overall",
                "?type=COOPERATIVE&sector=PUBLIC", "?funderId=funder7", "?alert=NO_MEETING&sort=overall")) {
            timings.add(gets(http, "GET /partnerships" + query + " (10,000 partnerships)", "/partnerships" + query));
        }

        var table = new StringBuilder("| measured (" + SAMPLES + " sequential requests each) | p50 ms | p99 ms |\n|---|---|---|\n");
        timings.stream().filter(t -> !t.what().equals("warm-up")).forEach(t -> table.append("| ").append(t.what())
                .append(" | ").append(String.format("%.1f", t.p50())).append(" | ")
                .append(String.format("%.1f", t.p99())).append(" |\n"));
        System.out.println("\n" + table);
        Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(Path.of("target", "benchmarks", "health.md"), table);
        assertThat(timings).hasSize(16);
    }
}
