package org.rapport.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;

/**
 * The long statements stay prepared on the connection that ran them, so PostgreSQL plans them
 * once, not on every call: a statement PostgreSQL keeps prepared is listed in
 * {@code pg_prepared_statements}, one it parsed for a single use is not.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class StatementCacheTests {

    @Inject
    Pool pool;

    @Test
    void theAppendIsLongerThanTheClientsDefaultLimitAndShorterThanOurs() {
        assertThat(EventStore.APPEND.length()).isGreaterThan(2_048).isLessThan(StatementCache.SQL_LIMIT);
        assertThat(EventStore.HEALTH_QUERY.length()).isLessThan(StatementCache.SQL_LIMIT);
    }

    @Test
    void aStatementLongerThanTheClientsDefaultLimitStaysPrepared() {
        // A statement of the append's length: a comment pads it past 2,048 characters.
        var sql = "select $1::int + 1 as n /* " + "x".repeat(EventStore.APPEND.length()) + " */";
        var listed = pool.withConnection(connection -> connection.preparedQuery(sql).execute(Tuple.of(41))
                .flatMap(first -> connection.preparedQuery(sql).execute(Tuple.of(41)))
                .flatMap(second -> connection
                        .preparedQuery("select count(*) as n from pg_prepared_statements where statement = $1")
                        .execute(Tuple.of(sql))))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(listed.iterator().next().getLong("n")).isEqualTo(1);
    }
}
