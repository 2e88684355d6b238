package org.rapport.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Http;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class ConcurrentAppendTests {

    static final int WRITERS = 16;
    static final int ROUNDS = 10;

    @TestHTTPResource("/")
    URI base;

    /**
     * Sixteen writers read the same version, then all write with If-Match at once, ten rounds
     * over: each version is won by exactly one of them and the other fifteen are told 412.
     */
    @Test
    void sixteen_writers_racing_for_each_version_win_it_exactly_once() throws Exception {
        var http = new Http(base);
        var id = Partnerships.form("race-a", "race-b");
        var token = Tokens.partner("race-a");
        var barrier = new CyclicBarrier(WRITERS);
        var won = new ConcurrentLinkedQueue<Integer>();
        var refused = new ConcurrentLinkedQueue<Integer>();
        var other = new ConcurrentLinkedQueue<Integer>();
        var pool = Executors.newFixedThreadPool(WRITERS);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int w = 0; w < WRITERS; w++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        var etag = http.get("/partnerships/" + id, token).header("ETag");
                        barrier.await(30, TimeUnit.SECONDS);
                        var answer = http.post("/partnerships/" + id + "/events", token,
                                Partnerships.meeting("2026-03-01", "race-a", "race-b"), Map.of("If-Match", etag));
                        switch (answer.status()) {
                            case 201 -> won.add(answer.body().get("version").asInt());
                            case 412 -> refused.add(round);
                            default -> other.add(answer.status());
                        }
                        barrier.await(30, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(other).isEmpty();
        assertThat(won).hasSize(ROUNDS).doesNotHaveDuplicates();
        assertThat(refused).hasSize(ROUNDS * (WRITERS - 1));
        var expectedVersions = new ArrayList<Integer>();
        for (int v = 2; v <= ROUNDS + 1; v++) {
            expectedVersions.add(v);
        }
        assertThat(won).containsExactlyInAnyOrderElementsOf(expectedVersions);

        List<Integer> stream = new ArrayList<>();
        http.get("/partnerships/" + id + "/events?limit=1000", token).body().get("events")
                .forEach(e -> stream.add(e.get("version").asInt()));
        var all = new ArrayList<Integer>(List.of(1));
        all.addAll(expectedVersions);
        assertThat(stream).containsExactlyElementsOf(all);
    }

    /** Without If-Match, writers that lose a race are decided again on the new state: none is refused. */
    @Test
    void writers_without_if_match_all_land_one_after_another() throws Exception {
        var http = new Http(base);
        var id = Partnerships.form("crowd-a", "crowd-b");
        var token = Tokens.partner("crowd-b");
        var pool = Executors.newFixedThreadPool(WRITERS);
        var statuses = new ConcurrentLinkedQueue<Integer>();
        try {
            var futures = new ArrayList<Future<?>>();
            for (int w = 0; w < WRITERS; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        statuses.add(http.post("/partnerships/" + id + "/events", token,
                                Partnerships.meeting("2026-03-02", "crowd-a", "crowd-b"), Map.of()).status());
                    }
                }));
            }
            for (var f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).hasSize(WRITERS * 5).containsOnly(201);
        var versions = new ArrayList<Integer>();
        http.get("/partnerships/" + id + "/events?limit=1000", token).body().get("events")
                .forEach(e -> versions.add(e.get("version").asInt()));
        assertThat(versions).hasSize(WRITERS * 5 + 1);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).isEqualTo(i + 1);
        }
    }
}
