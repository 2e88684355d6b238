package org.rapport.eventstore;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;

/**
 * The PostgreSQL pool, as Quarkus configures it, with every statement the service runs kept
 * prepared on each connection.
 *
 * <p>The Vert.x client caches a prepared statement only when its SQL is at most 2,048 characters
 * long. The append ({@link EventStore#APPEND}, about 3,000) and the health query are longer, so
 * PostgreSQL would parse and plan them again on every call: measured with pgbench on the same
 * statement, that halves the rate of appends (about 510 against 1,040 a second at 32 clients).
 */
@Singleton
public class StatementCache implements PgPoolCreator {

    /** Longer than any statement of the service's own. */
    public static final int SQL_LIMIT = 16_384;

    @Override
    public Pool create(Input input) {
        var options = input.pgConnectOptionsList().stream()
                .<SqlConnectOptions>map(o -> new PgConnectOptions(o).setPreparedStatementCacheSqlLimit(SQL_LIMIT))
                .toList();
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(options).using(input.vertx()).build();
    }
}
