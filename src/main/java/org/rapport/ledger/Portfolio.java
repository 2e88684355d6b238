package org.rapport.ledger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.rapport.domain.health.AlertCode;
import org.rapport.domain.health.Health;
import org.rapport.health.HealthProjector;
import org.rapport.health.HealthView;

/**
 * The portfolio: partnerships filtered by status, type, sector, funder and alert, sorted by
 * overall score, name or attention (triage), paged by a cursor (the last row's sort key and id). Only the filters
 * given are put in the query, so each can use its own index.
 *
 * <p>Now, it reads the health stored with each partnership. As of an earlier moment, it assesses
 * each partnership the caller may see that passes the other filters, as
 * {@link HealthProjector#at} does for one partnership's health then, and filters, sorts and pages
 * those assessments: at most {@link #MAX_ASSESSED} partnerships a request.
 */
@ApplicationScoped
public class Portfolio {

    /** The most partnerships one listing as of an earlier moment assesses; more must be narrowed by the filters. */
    public static final int MAX_ASSESSED = 2_000;

    /** Assessments as of an earlier moment under way at once for one listing, each reading its stream. */
    static final int CONCURRENT_ASSESSMENTS = 4;

    public enum Sort {
        OVERALL("coalesce(health_overall, -1)", false, h -> h.overall() == null ? -1 : h.overall()),
        OVERALL_DESC("coalesce(health_overall, -1)", true, h -> h.overall() == null ? -1 : h.overall()),
        NAME("name", false, null),
        /** Triage: {@link org.rapport.domain.health.Health#attention()}, partnerships never assessed last. */
        ATTENTION("coalesce(health_attention, 999999)", false, Health::attention);

        final String key;
        final boolean descending;
        /** The same key as the column expression, from an assessment; null for the name, which SQL orders. */
        final ToIntFunction<Health> assessedKey;

        Sort(String key, boolean descending, ToIntFunction<Health> assessedKey) {
            this.key = key;
            this.descending = descending;
            this.assessedKey = assessedKey;
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

    /** More partnerships than one listing as of an earlier moment assesses pass the filters. */
    public static final class TooManyToAssess extends RuntimeException {
        public TooManyToAssess() {
            super("more than " + MAX_ASSESSED + " partnerships to assess", null, false, false);
        }
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
    private final HealthProjector projector;

    public Portfolio(Pool pool, HealthProjector projector) {
        this.pool = pool;
        this.projector = projector;
    }

    /**
     * A page of the portfolio: with {@code asOf} null, the stored health (now); else each
     * partnership formed by then assessed as of then. An unreadable cursor is an
     * {@link IllegalArgumentException}, thrown here; more than {@link #MAX_ASSESSED} partnerships
     * to assess fail the answer with {@link TooManyToAssess}.
     */
    public Uni<Page> list(Filter filter, Sort sort, Instant asOf, int limit, String cursor) {
        var after = decode(cursor, sort);
        return asOf == null ? stored(filter, sort, after, limit) : assessed(filter, sort, asOf, after, limit);
    }

    /** Every row of the portfolio, in order, as {@link #list} answers them page after page. */
    public Uni<List<Entry>> all(Filter filter, Sort sort, Instant asOf) {
        return (asOf == null ? stored(filter, sort, Optional.empty(), null)
                : assessed(filter, sort, asOf, Optional.empty(), null)).map(Page::items);
    }

    /** The rows after {@code after}, {@code limit} at most (null: all of them), as stored now. */
    private Uni<Page> stored(Filter filter, Sort sort, Optional<After> after, Integer limit) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        add(where, params, "health_status = $%d", filter.status());
        add(where, params, "health_alerts @> array[$%d::text]", filter.alert());
        scope(filter, where, params);
        if (after.isPresent()) {
            params.add(after.get().key());
            params.add(after.get().id());
            var keyCast = sort == Sort.NAME ? "::text" : "::int";
            where.add("(" + sort.key + ", id) " + (sort.descending ? "<" : ">") + " ($" + (params.size() - 1) + keyCast
                    + ", $" + params.size() + "::uuid)");
        }
        if (limit != null) {
            params.add(limit + 1);
        }
        var direction = sort.descending ? " desc" : "";
        var sql = "select p.*, worst.code as worst_code, worst.severity as worst_severity, worst.since as worst_since"
                + " from (select id, name, partnership_type, health_status, health_overall, health_alerts, sectors,"
                + " health_assessed_at, version, health_scores::text as scores, " + sort.key + " as sort_key"
                + " from partnerships"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + sort.key + direction + ", id" + direction
                + (limit == null ? "" : " limit $" + params.size()) + ") p"
                + MOST_SEVERE + " order by p.sort_key" + direction + ", p.id" + direction;
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            var items = new ArrayList<Entry>();
            String next = null;
            String lastKey = null;
            for (var row : rows) {
                if (limit != null && items.size() == limit) {
                    next = encode(lastKey, items.get(items.size() - 1).id());
                    break;
                }
                lastKey = String.valueOf(row.getValue("sort_key"));
                items.add(entry(row));
            }
            return new Page(List.copyOf(items), next);
        });
    }

    private static Entry entry(Row row) {
        var assessed = row.getOffsetDateTime("health_assessed_at");
        var worst = row.getString("worst_code") == null ? null : AlertSummary.of(row.getString("worst_code"),
                Health.Severity.valueOf(row.getString("worst_severity")),
                row.getString("worst_since") == null ? null : LocalDate.parse(row.getString("worst_since")));
        return new Entry(row.getUUID("id"), row.getString("name"), row.getString("partnership_type"),
                row.getString("health_status"), row.getInteger("health_overall"), scores(row.getString("scores")),
                List.of(row.getArrayOfStrings("health_alerts")), worst, List.of(row.getArrayOfStrings("sectors")),
                assessed == null ? null : assessed.toInstant(), row.getLong("version"));
    }

    /**
     * A partnership to assess as of an earlier moment: its place in name order ({@code rank}) and
     * whether it comes after the cursor in that order, both as the database orders names.
     */
    private record Candidate(int rank, UUID id, String name, String partnershipType, List<String> sectors,
            long version, boolean afterCursorByName) {
    }

    private record Assessed(Candidate candidate, Health health) {

        /** Where it comes in {@code sort}: the key the stored listing would give it, then its id. */
        Position position(Sort sort) {
            return new Position(sort == Sort.NAME ? candidate.rank() : sort.assessedKey.applyAsInt(health),
                    candidate.id().toString());
        }

        String cursorKey(Sort sort) {
            return sort == Sort.NAME ? candidate.name() : String.valueOf(sort.assessedKey.applyAsInt(health));
        }

        boolean passes(Filter filter) {
            return (filter.status() == null || health.status().name().equals(filter.status()))
                    && (filter.alert() == null || health.hasAlert(filter.alert()));
        }

        /** The row the stored listing would show had the health been stored as of then; the version is the stream's now. */
        Entry entry() {
            var point = HealthView.Point.of(health);
            return new Entry(candidate.id(), candidate.name(), candidate.partnershipType(), health.status().name(),
                    health.overall(), java.util.Collections.unmodifiableMap(point.scores()),
                    point.alerts().stream().sorted().toList(),
                    health.mostSevereAlert().map(AlertSummary::of).orElse(null), candidate.sectors(), health.asOf(),
                    candidate.version());
        }
    }

    /**
     * A sort key and the id, compared as the database compares them (a UUID's text compares as
     * its bytes do, unlike {@link UUID#compareTo}).
     */
    private record Position(int key, String id) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            return Comparator.comparingInt(Position::key).thenComparing(Position::id).compare(this, other);
        }
    }

    /**
     * The rows after {@code after}, {@code limit} at most (null: all of them), as each
     * partnership was assessed at {@code asOf}: the partnerships formed by then that pass the
     * filters that do not depend on health, each assessed from the events that had occurred by
     * then, then filtered by status and alert and sorted on that health.
     */
    private Uni<Page> assessed(Filter filter, Sort sort, Instant asOf, Optional<After> after, Integer limit) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        scope(filter, where, params);
        params.add(asOf.atZone(ZoneOffset.UTC).toLocalDate());
        where.add("(state ->> 'formedOn')::date <= $" + params.size() + "::date");
        var afterCursor = "true";
        if (sort == Sort.NAME && after.isPresent()) {
            params.add(after.get().key());
            params.add(after.get().id());
            afterCursor = "(name, id) > ($" + (params.size() - 1) + "::text, $" + params.size() + "::uuid)";
        }
        params.add(MAX_ASSESSED + 1);
        var sql = "select id, name, partnership_type, sectors, version, " + afterCursor + " as after_cursor"
                + " from partnerships where " + String.join(" and ", where)
                + " order by name, id limit $" + params.size();
        return pool.preparedQuery(sql).execute(Tuple.from(params)).flatMap(rows -> {
            if (rows.size() > MAX_ASSESSED) {
                return Uni.createFrom().failure(new TooManyToAssess());
            }
            var candidates = new ArrayList<Candidate>(rows.size());
            for (var row : rows) {
                candidates.add(new Candidate(candidates.size(), row.getUUID("id"), row.getString("name"),
                        row.getString("partnership_type"), List.of(row.getArrayOfStrings("sectors")),
                        row.getLong("version"), row.getBoolean("after_cursor")));
            }
            return Multi.createFrom().iterable(candidates)
                    .onItem().transformToUni(c -> projector.at(c.id(), asOf, null).map(h -> new Assessed(c, h)))
                    .merge(CONCURRENT_ASSESSMENTS)
                    .collect().asList();
        }).map(assessments -> {
            Comparator<Assessed> order = Comparator.comparing(a -> a.position(sort));
            var kept = assessments.stream().filter(a -> a.passes(filter) && comesAfter(a, sort, after))
                    .sorted(sort.descending ? order.reversed() : order)
                    .toList();
            var page = limit == null || kept.size() <= limit ? kept : kept.subList(0, limit);
            var next = page.size() < kept.size() ? encode(page.get(page.size() - 1).cursorKey(sort),
                    page.get(page.size() - 1).candidate().id()) : null;
            return new Page(page.stream().map(Assessed::entry).toList(), next);
        });
    }

    /** Whether an assessment comes after the cursor in the listing's order (everything does without one). */
    private static boolean comesAfter(Assessed assessed, Sort sort, Optional<After> after) {
        if (after.isEmpty()) {
            return true;
        }
        if (sort == Sort.NAME) {
            return assessed.candidate().afterCursorByName();
        }
        var cursor = new Position((Integer) after.get().key(), after.get().id().toString());
        int compared = assessed.position(sort).compareTo(cursor);
        return sort.descending ? compared < 0 : compared > 0;
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

    /** The filters that do not depend on health, and the caller's scope: the same now and as of any moment. */
    private static void scope(Filter filter, List<String> where, List<Object> params) {
        add(where, params, "partnership_type = $%d", filter.type());
        add(where, params, "sectors @> array[$%d::text]", filter.sector());
        add(where, params, "funder_ids @> array[$%d::text]", filter.funderId());
        add(where, params, "partner_orgs @> array[$%d::text]", filter.memberOrg());
        add(where, params, "funder_ids @> array[$%d::text]", filter.fundedBy());
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
