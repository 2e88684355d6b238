package org.rapport.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every row of the log and of the views, each as text, to show that refused requests changed
 * none of them. The relay's checkpoints are left out: they move as the relay publishes.
 */
final class Snapshot {

    /** Table, the row's key, the row's owner (a stream, funder or event list) and the whole row. */
    private static final Map<String, String> TABLES = Map.of(
            "events", "select event_id::text, stream_id::text, t::text from events t",
            "partnerships", "select id::text, id::text, t::text from partnerships t",
            "health_outbox", "select id::text, partnership_id::text, t::text from health_outbox t",
            "funders", "select funder_id, funder_id, t::text from funders t",
            "idempotency_keys", "select caller || ' ' || request_path || ' ' || key, array_to_string(event_ids, ','),"
                    + " t::text from idempotency_keys t");

    record Row(String owner, String text) {
    }

    private final Map<String, Map<String, Row>> tables;

    private Snapshot(Map<String, Map<String, Row>> tables) {
        this.tables = tables;
    }

    static Snapshot take(String jdbcUrl) throws SQLException {
        var tables = new HashMap<String, Map<String, Row>>();
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); var s = c.createStatement()) {
            for (var table : TABLES.entrySet()) {
                var rows = new HashMap<String, Row>();
                try (var r = s.executeQuery(table.getValue())) {
                    while (r.next()) {
                        rows.put(r.getString(1), new Row(r.getString(2), r.getString(3)));
                    }
                }
                tables.put(table.getKey(), rows);
            }
        }
        return new Snapshot(tables);
    }

    /** What the requests the service accepted (2xx) wrote: their partnerships, events and funders. */
    static final class Accepted {
        final Set<String> partnerships = ConcurrentHashMap.newKeySet();
        final Set<String> events = ConcurrentHashMap.newKeySet();
        final Set<String> funders = ConcurrentHashMap.newKeySet();
        final Set<String> formed = ConcurrentHashMap.newKeySet();
        private final AtomicLong requests = new AtomicLong();

        void record(String path, String body) {
            requests.incrementAndGet();
            var parts = path.split("[/?]");
            if (parts.length > 2 && parts[1].equals("partnerships")) {
                partnerships.add(parts[2]);
            }
            try {
                var answer = Hostile.JSON.readTree(body);
                collect(answer, "eventId", events);
                collect(answer, "partnershipId", partnerships);
                if (path.equals("/partnerships") && answer.hasNonNull("id")) {
                    partnerships.add(answer.get("id").asText());
                    formed.add(answer.get("id").asText());
                }
                if (path.equals("/admin/funders") && answer.hasNonNull("funderId")) {
                    funders.add(answer.get("funderId").asText());
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("a 2xx answer that is not JSON: " + body, e);
            }
        }

        long requests() {
            return requests.get();
        }

        private static void collect(JsonNode node, String field, Set<String> into) {
            if (node.isObject() && node.hasNonNull(field)) {
                into.add(node.get(field).asText());
            }
            node.elements().forEachRemaining(child -> collect(child, field, into));
        }
    }

    /** Rows added, removed or changed between this snapshot and {@code later} that no accepted request explains. */
    List<String> changedBesides(Snapshot later, Accepted accepted) {
        // A formation's answer names the partnership, not its first event: those are the formed streams' events.
        later.tables.get("events").forEach((eventId, row) -> {
            if (accepted.formed.contains(row.owner())) {
                accepted.events.add(eventId);
            }
        });
        var changed = new ArrayList<String>();
        for (var table : tables.keySet()) {
            var before = tables.get(table);
            var after = later.tables.get(table);
            for (var row : before.entrySet()) {
                var now = after.get(row.getKey());
                if (now == null) {
                    changed.add(table + " row " + row.getKey() + " removed");
                } else if (!now.text().equals(row.getValue().text()) && !explained(table, row.getKey(), now, accepted)) {
                    changed.add(table + " row " + row.getKey() + " changed: " + now.text());
                }
            }
            for (var row : after.entrySet()) {
                if (!before.containsKey(row.getKey()) && !explained(table, row.getKey(), row.getValue(), accepted)) {
                    changed.add(table + " row " + row.getKey() + " added: " + row.getValue().text());
                }
            }
        }
        return changed;
    }

    private static boolean explained(String table, String key, Row row, Accepted accepted) {
        return switch (table) {
            case "events" -> accepted.events.contains(key) || accepted.formed.contains(row.owner());
            case "partnerships", "health_outbox" -> accepted.partnerships.contains(row.owner());
            case "funders" -> accepted.funders.contains(key);
            case "idempotency_keys" -> List.of(row.owner().split(",")).stream().anyMatch(accepted.events::contains);
            default -> false;
        };
    }
}
