package org.rapport.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Http;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * The global feed is followed by cursor. A sequence value is taken at INSERT but becomes visible
 * at COMMIT, so a follower of positions alone skips a slow transaction's event; the feed must not.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class FeedTests {

    @TestHTTPResource("/")
    URI base;

    record Page(List<String> eventIds, String next) {
    }

    Page page(Http http, String after) {
        var answer = http.get("/events?limit=50" + (after == null ? "" : "&after=" + after), Tokens.admin());
        assertThat(answer.status()).isEqualTo(200);
        var ids = new ArrayList<String>();
        answer.body().get("events").forEach(e -> ids.add(e.get("eventId").asText()));
        return new Page(ids, answer.body().get("next").asText());
    }

    /** Follows the feed to its current end; returns the cursor there. */
    String drain(Http http, String after, List<String> into) {
        while (true) {
            var page = page(http, after);
            into.addAll(page.eventIds());
            assertThat(page.next()).isNotBlank();
            if (page.eventIds().isEmpty()) {
                assertThat(page.next()).isEqualTo(after == null ? page.next() : after);
                return page.next();
            }
            after = page.next();
        }
    }

    static Connection connect() throws SQLException {
        var connection = LocalInfrastructure.connect();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Inserts one event in the connection's open transaction; returns its position. */
    static long insertEvent(Connection connection, UUID eventId) throws SQLException {
        try (var insert = connection.prepareStatement("""
                insert into events (stream_id, version, event_id, type, schema_version, data, occurred_at,
                                    recorded_at, recorded_by)
                values (?, 1, ?, 'MeetingHeld', 1, '{}'::jsonb, now(), now(), 'feed-test')
                returning position""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, eventId);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static List<String> naiveReadAfter(Connection connection, long[] lastPosition) throws SQLException {
        var seen = new ArrayList<String>();
        try (var select = connection.prepareStatement(
                "select event_id, position from events where position > ? order by position")) {
            select.setLong(1, lastPosition[0]);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    seen.add(rows.getString(1));
                    lastPosition[0] = rows.getLong(2);
                }
            }
        }
        connection.commit();
        return seen;
    }

    @Test
    void a_transaction_that_took_a_lower_position_but_commits_later_is_skipped_by_position_but_not_by_the_feed()
            throws Exception {
        var http = new Http(base);
        var cursor = drain(http, null, new ArrayList<>());
        try (var slow = connect(); var fast = connect(); var naive = connect()) {
            long[] naivePosition = {0};
            naiveReadAfter(naive, naivePosition);

            var slowEvent = UUID.randomUUID();
            var fastEvent = UUID.randomUUID();
            long slowPosition = insertEvent(slow, slowEvent);
            long fastPosition = insertEvent(fast, fastEvent);
            fast.commit();
            assertThat(slowPosition).isLessThan(fastPosition);

            var naiveSeen = new ArrayList<>(naiveReadAfter(naive, naivePosition));
            var feedSeen = new ArrayList<String>();
            cursor = drain(http, cursor, feedSeen);
            assertThat(naiveSeen).containsExactly(fastEvent.toString());
            assertThat(feedSeen).as("the feed holds back what a running transaction may still precede")
                    .doesNotContain(fastEvent.toString());

            slow.commit();
            naiveSeen.addAll(naiveReadAfter(naive, naivePosition));
            drain(http, cursor, feedSeen);

            assertThat(naiveSeen).as("the position follower never sees the slow event")
                    .containsExactly(fastEvent.toString());
            assertThat(feedSeen).containsExactly(slowEvent.toString(), fastEvent.toString());
        }
    }

    @Test
    void a_follower_sees_every_committed_event_exactly_once_while_writers_commit_slowly_and_roll_back()
            throws Exception {
        var http = new Http(base);
        var start = drain(http, null, new ArrayList<>());
        var committed = ConcurrentHashMap.<String>newKeySet();
        var rolledBack = ConcurrentHashMap.<String>newKeySet();
        var writing = new AtomicBoolean(true);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var writers = new ArrayList<Future<?>>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    try (var connection = connect()) {
                        for (int i = 0; i < 25; i++) {
                            var ids = new ArrayList<String>();
                            for (int n = 0; n < 1 + i % 3; n++) {
                                var id = UUID.randomUUID();
                                insertEvent(connection, id);
                                ids.add(id.toString());
                            }
                            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 40));
                            if (i % 5 == 4) {
                                connection.rollback();
                                rolledBack.addAll(ids);
                            } else {
                                connection.commit();
                                committed.addAll(ids);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    var id = Partnerships.form("feed-a" + writer, "feed-b" + writer);
                    for (int i = 0; i < 30; i++) {
                        var answer = http.post("/partnerships/" + id + "/events", Tokens.admin(),
                                Partnerships.meeting("2026-04-01", "feed-a" + writer, "feed-b" + writer), Map.of());
                        assertThat(answer.status()).isEqualTo(201);
                        committed.add(answer.body().get("eventId").asText());
                    }
                    return null;
                }));
            }
            var follower = pool.submit(() -> {
                var seen = new ArrayList<String>();
                var after = start;
                while (writing.get()) {
                    var page = page(http, after);
                    seen.addAll(page.eventIds());
                    after = page.next();
                }
                drain(http, after, seen);
                return seen;
            });
            for (var writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            var seen = follower.get(120, TimeUnit.SECONDS);

            assertThat(seen).doesNotHaveDuplicates();
            Set<String> seenSet = new HashSet<>(seen);
            assertThat(seenSet).containsAll(committed);
            assertThat(seenSet).doesNotContainAnyElementsOf(rolledBack);
            assertThat(committed).hasSizeGreaterThan(100);
            assertThat(rolledBack).isNotEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_unreadable_cursor_is_a_bad_request() {
        var http = new Http(base);
        assertThat(http.get("/events?after=not-a-cursor", Tokens.admin()).status()).isEqualTo(400);
        assertThat(http.get("/events?limit=5000", Tokens.admin()).status()).isEqualTo(400);
    }

    @Test
    void a_partner_follows_only_the_partnerships_it_belongs_to() {
        var http = new Http(base);
        var mine = Partnerships.form("follower-org", "other-org");
        var theirs = Partnerships.form("third-org", "fourth-org");
        var seen = new ArrayList<String>();
        var answer = http.get("/events?limit=1000", Tokens.partner("follower-org"));
        answer.body().get("events").forEach(e -> seen.add(e.get("partnershipId").asText()));
        assertThat(seen).contains(mine.toString()).doesNotContain(theirs.toString());
    }
}
