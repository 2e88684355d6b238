package org.rapport.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** Where each follower of the log stands, kept in PostgreSQL beside the log. */
@ApplicationScoped
public class Checkpoints {

    private final Pool pool;

    public Checkpoints(Pool pool) {
        this.pool = pool;
    }

    public Uni<FeedCursor> load(String name) {
        return pool.preparedQuery("select tx_id, position from relay_checkpoints where name = $1")
                .execute(Tuple.of(name))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return FeedCursor.START;
                    }
                    var row = it.next();
                    return new FeedCursor(row.getLong("tx_id"), row.getLong("position"));
                });
    }

    /**
     * Moves a checkpoint from {@code from} to {@code to}; does nothing if it is no longer at
     * {@code from} (a replay moved it meanwhile), so a batch in flight cannot undo a replay.
     */
    public Uni<Void> advance(String name, FeedCursor from, FeedCursor to, Instant now) {
        return pool.preparedQuery("insert into relay_checkpoints (name, tx_id, position, updated_at) values ($1, $4, $5, $6)"
                + " on conflict (name) do update set tx_id = excluded.tx_id, position = excluded.position,"
                + " updated_at = excluded.updated_at"
                + " where relay_checkpoints.tx_id = $2 and relay_checkpoints.position = $3")
                .execute(Tuple.of(name, from.txId(), from.position(), to.txId(), to.position(),
                        now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<Void> save(String name, FeedCursor cursor, Instant now) {
        return pool.preparedQuery("insert into relay_checkpoints (name, tx_id, position, updated_at) values ($1, $2, $3, $4)"
                + " on conflict (name) do update set tx_id = excluded.tx_id, position = excluded.position,"
                + " updated_at = excluded.updated_at")
                .execute(Tuple.of(name, cursor.txId(), cursor.position(), now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** The cursor just before the event at {@code position}, to follow again from that event. */
    public Uni<FeedCursor> before(long position) {
        return pool.preparedQuery("select tx_id from events where position = $1").execute(Tuple.of(position))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? new FeedCursor(it.next().getLong("tx_id"), position - 1) : FeedCursor.START;
                });
    }

    /** How many committed events lie after {@code cursor}, and the recording time of the oldest. */
    public Uni<EventStore.HeldBack> behind(FeedCursor cursor) {
        return pool.preparedQuery("select count(*) as events, min(recorded_at) as oldest from events"
                + " where (tx_id, position) > ($1, $2)")
                .execute(Tuple.of(cursor.txId(), cursor.position()))
                .map(rows -> {
                    var row = rows.iterator().next();
                    var oldest = row.getOffsetDateTime("oldest");
                    return new EventStore.HeldBack(row.getLong("events"), oldest == null ? null : oldest.toInstant());
                });
    }

    /** The funders of a partnership's stream before {@code version}: fundings voided by then do not count. */
    public Uni<java.util.Set<String>> fundersBefore(java.util.UUID partnershipId, long version) {
        return pool.preparedQuery("select distinct e.data -> 'funder' ->> 'funderId' as funder from events e"
                + " where e.stream_id = $1 and e.type = 'FundingSecured' and e.version < $2"
                + " and not exists (select 1 from events v where v.type = 'EventVoided' and v.stream_id = e.stream_id"
                + " and v.data ->> 'voidedEventId' = e.event_id::text and v.version < $2)")
                .execute(Tuple.of(partnershipId, version))
                .map(rows -> {
                    var funders = new java.util.HashSet<String>();
                    rows.forEach(row -> funders.add(row.getString("funder")));
                    return funders;
                });
    }
}
