package org.rapport.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.domain.health.AlertCode;
import org.rapport.domain.health.Health;
import org.rapport.health.HealthView;

/**
 * The portfolio: partnerships filtered by status, type, sector, funder and alert, sorted by
 * overall score, name or attention (triage), paged by a cursor (the last row's sort key and id). Only the filters
 * given are put in the query, so each can use its own index.
 */
@ApplicationScoped
public class Portfolio {

    public enum Sort {
        OVERALL("coalesce(health_overall, -1)", false), OVERALL_DESC("coalesce(health_overall, -1)", true),
        NAME("name", false),
        /** Triage: {@link org.rapport.domain.health.Health#attention()}, partnerships never assessed last. */
        ATTENTION("coalesce(health_attention, 999999)", false);

        final String key;
        final boolean descending;

        Sort(String key, boolean descending) {
            this.key = key;
            this.descending = descending;
        }
    }

    /** The filters asked for, and the scope of the caller (its organisation's or funder's partnerships). */
    public record Filter(String status, String type, String sector, String funderId, String alert,
            String memberOrg, String fundedBy) {
    }

    /**
     * One partnership: its status, overall score and each dimension's score (null: not yet assessed),
     * its open alerts' codes and the most severe of them (null: none open).
     */
    public record Entry(UUID id, String name, String partnershipType, String status, Integer overall,
            Map<String, Integer> scores, List<String> alerts, AlertSummary mostSevereAlert, List<String> sectors,
            Instant assessedAt, long version) {
    }

    /** An open alert in brief: its code, severity, what it means in plain words, and the first day it held. */
    public record AlertSummary(String code, Health.Severity severity, String label, LocalDate since) {

        static AlertSummary of(String code, Health.Severity severity, LocalDate since) {
            return new AlertSummary(code, severity, AlertCode.valueOf(code).label(), since);
        }

        static AlertSummary of(Health.Alert alert) {
            return of(alert.code(), alert.severity(), alert.since());
        }
    }

    public record Page(List<Entry> items, String next) {
    }

    /**
     * The most severe alert of each row of a page, from its stored view, in the order of
     * {@link Health#MOST_SEVERE_FIRST} (codes compared byte by byte, as Java compares them). It
     * reads the view again by id so that only the page's rows are read whole, not every row the
     * filters let through.
     */
    private static final String MOST_SEVERE = " left join lateral (select a ->> 'code' as code,"
            + " a ->> 'severity' as severity, a ->> 'since' as since"
            + " from partnerships h, jsonb_array_elements(h.health -> 'alerts') a where h.id = p.id"
            + " order by array_position(array[" + Arrays.stream(Health.Severity.values())
                    .map(severity -> "'" + severity.name() + "'").collect(Collectors.joining(", ")) + "],"
            + " a ->> 'severity'), a ->> 'code' collate \"C\", a ->> 'since' limit 1) worst on true";

    private final Pool pool;

    public Portfolio(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page> list(Filter filter, Sort sort, int limit, String cursor) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        add(where, params, "health_status = $%d", filter.status());
        add(where, params, "partnership_type = $%d", filter.type());
        add(where, params, "sectors @> array[$%d::text]", filter.sector());
        add(where, params, "funder_ids @> array[$%d::text]", filter.funderId());
        add(where, params, "health_alerts @> array[$%d::text]", filter.alert());
        add(where, params, "partner_orgs @> array[$%d::text]", filter.memberOrg());
        add(where, params, "funder_ids @> array[$%d::text]", filter.fundedBy());
        var after = decode(cursor, sort);
        if (after.isPresent()) {
            params.add(after.get().key());
            params.add(after.get().id());
            var keyCast = sort == Sort.NAME ? "::text" : "::int";
            where.add("(" + sort.key + ", id) " + (sort.descending ? "<" : ">") + " ($" + (params.size() - 1) + keyCast
                    + ", $" + params.size() + "::uuid)");
        }
        params.add(limit + 1);
        var direction = sort.descending ? " desc" : "";
        var sql = "select p.*, worst.code as worst_code, worst.severity as worst_severity, worst.since as worst_since"
                + " from (select id, name, partnership_type, health_status, health_overall, health_alerts, sectors,"
                + " health_assessed_at, version, health_scores::text as scores, " + sort.key + " as sort_key"
                + " from partnerships"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + sort.key + direction + ", id" + direction + " limit $" + params.size() + ") p"
                + MOST_SEVERE + " order by p.sort_key" + direction + ", p.id" + direction;
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            var items = new ArrayList<Entry>();
            String next = null;
            String lastKey = null;
            for (var row : rows) {
                if (items.size() == limit) {
                    next = encode(lastKey, items.get(items.size() - 1).id());
                    break;
                }
                lastKey = String.valueOf(row.getValue("sort_key"));
                var assessed = row.getOffsetDateTime("health_assessed_at");
                var worst = row.getString("worst_code") == null ? null : AlertSummary.of(row.getString("worst_code"),
                        Health.Severity.valueOf(row.getString("worst_severity")),
                        row.getString("worst_since") == null ? null : LocalDate.parse(row.getString("worst_since")));
                items.add(new Entry(row.getUUID("id"), row.getString("name"), row.getString("partnership_type"),
                        row.getString("health_status"), row.getInteger("health_overall"), scores(row.getString("scores")),
                        List.of(row.getArrayOfStrings("health_alerts")), worst, List.of(row.getArrayOfStrings("sectors")),
                        assessed == null ? null : assessed.toInstant(), row.getLong("version")));
            }
            return new Page(List.copyOf(items), next);
        });
    }

    /** The six dimensions' scores in the model's order; a dimension not assessed yet is null. */
    static Map<String, Integer> scores(String json) {
        var stored = json == null ? new io.vertx.core.json.JsonObject() : new io.vertx.core.json.JsonObject(json);
        var scores = new java.util.LinkedHashMap<String, Integer>();
        for (var d : org.rapport.domain.HealthDimension.values()) {
            scores.put(HealthView.key(d), stored.getInteger(HealthView.key(d)));
        }
        return java.util.Collections.unmodifiableMap(scores);
    }

    private static void add(List<String> where, List<Object> params, String clause, String value) {
        if (value != null) {
            params.add(value);
            where.add(clause.formatted(params.size()));
        }
    }

    record After(Object key, UUID id) {
    }

    static String encode(String key, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's position, or empty when none was given; an unreadable cursor is an error. */
    static Optional<After> decode(String cursor, Sort sort) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int cut = raw.lastIndexOf('\n');
            var id = UUID.fromString(raw.substring(cut + 1));
            var key = raw.substring(0, cut);
            return Optional.of(new After(sort == Sort.NAME ? key : Integer.valueOf(key), id));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a cursor of this listing", e);
        }
    }
}
