package org.rapport.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One instance at a time in the cluster: a PostgreSQL advisory lock, held on a connection of its
 * own outside any transaction, so it holds back no follower of the log. When the instance holding
 * it dies, its connection closes and the lock is free again.
 */
@ApplicationScoped
public class ClusterLock {

    private final Pool pool;

    public ClusterLock(Pool pool) {
        this.pool = pool;
    }

    /** The lock {@code key}, held until {@link #release()}. */
    public static final class Held {

        private final SqlConnection connection;
        private final long key;

        private Held(SqlConnection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        /** Answers once the connection holding the lock still answers; fails when it is gone. */
        public Uni<Void> check() {
            return connection.query("select 1").execute().replaceWithVoid();
        }

        /** Lets go of the lock and of its connection. */
        public Uni<Void> release() {
            return connection.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(key))
                    .replaceWithVoid()
                    .onFailure().recoverWithNull()
                    .onTermination().call(connection::close);
        }
    }

    /** Takes the lock {@code key} if no other instance holds it; empty otherwise. */
    public Uni<Optional<Held>> tryHold(long key) {
        return pool.getConnection().flatMap(connection -> connection
                .preparedQuery("select pg_try_advisory_lock($1) as locked").execute(Tuple.of(key))
                .map(rows -> rows.iterator().next().getBoolean("locked"))
                .onFailure().call(connection::close)
                .flatMap(locked -> locked ? Uni.createFrom().item(Optional.of(new Held(connection, key)))
                        : connection.close().map(x -> Optional.<Held>empty())));
    }

    /**
     * Runs {@code work} while holding the lock {@code key}, if no other instance holds it;
     * answers null without running it otherwise.
     */
    public <T> Uni<T> exclusively(long key, Supplier<Uni<T>> work) {
        return tryHold(key).flatMap(held -> held.isEmpty() ? Uni.createFrom().<T>nullItem()
                : Uni.createFrom().deferred(work::get).onTermination().call(() -> held.get().release()));
    }
}
