package org.rapport.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The health outbox, read in order: its records are written with the partnership rows ({@link PartnershipRows}). */
@ApplicationScoped
public class HealthOutbox {

    private final Pool pool;
    private final ObjectMapper json;

    public HealthOutbox(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A health change waiting in the outbox. */
    public record HealthChange(long id, long txId, UUID partnershipId, List<String> funderIds, JsonNode summary) {
    }

    /** The health outbox after {@code after}, in (transaction, id) order below the horizon: no gaps. */
    public Uni<List<HealthChange>> healthChanges(FeedCursor after, int limit) {
        return pool.preparedQuery("select id, tx_id, partnership_id, funder_ids, summary::text as summary"
                + " from health_outbox where (tx_id, id) > ($1, $2) and tx_id < " + EventStore.HORIZON
                + " order by tx_id, id limit $3")
                .execute(Tuple.of(after.txId(), after.position(), limit))
                .map(rows -> {
                    var changes = new ArrayList<HealthChange>();
                    rows.forEach(row -> changes.add(new HealthChange(row.getLong("id"), row.getLong("tx_id"),
                            row.getUUID("partnership_id"), List.of(row.getArrayOfStrings("funder_ids")),
                            parse(row.getString("summary")))));
                    return List.copyOf(changes);
                });
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the health outbox holds JSON it cannot read", e);
        }
    }
}
