package org.rapport.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The partnerships' rows: the one writer of a partnership's row and of its health outbox record: which column holds what,
 * the upsert, and when a health change goes to the outbox, each written once here and used by the
 * append, the rebuild and the reassessment.
 *
 * <p>The writer is SQL to embed in a statement as two common table expressions, {@code <name>}
 * (the row written, {@code returning id, funder_ids}) and {@code <name>_outbox}, so that each
 * caller's write stays one statement: the append's in particular, with its events and
 * idempotency key. The statement's {@code $1} is the partnership id; the writer's own parameters
 * follow from the number {@code first} on, bound by {@link #params(long, Append.ReadModel, Instant)}
 * or {@link #params(long, Append.HealthRow, Instant)} in the same order.
 *
 * <p>A health change goes to the outbox whenever the row's change key or its funders differ from
 * what the row held before the statement (every sub-statement of one statement reads the same
 * snapshot, so a sub-select of the row sees it as it was).
 */
@ApplicationScoped
public class PartnershipRows {

    /** A column and the value written to it, {@code {name}} standing for the writer's parameter of that name. */
    private record Column(String name, String value) {
    }

    /** A parameter of the writer: its name in the SQL and its value. */
    private record Param<T>(String name, Function<T, Object> value) {
    }

    /** The row's own columns, from its state. */
    private static final List<Column> ROW = List.of(
            new Column("state", "{state}::text::jsonb"),
            new Column("partner_orgs", "{partnerOrgs}::text[]"),
            new Column("updated_at", "{at}"),
            new Column("name", "{name}"),
            new Column("partnership_type", "{partnershipType}"),
            new Column("sectors", "{sectors}::text[]"),
            new Column("funder_ids", "{funderIds}::text[]"),
            new Column("health_facts", "{healthFacts}::text"));

    /** The row's health columns. */
    private static final List<Column> HEALTH = List.of(
            new Column("health", "{view}::text::jsonb"),
            new Column("health_status", "{status}"),
            new Column("health_overall", "{overall}"),
            new Column("health_alerts", "{alerts}::text[]"),
            new Column("health_assessed_at", "{assessedAt}"),
            new Column("params_version", "{paramsVersion}"),
            new Column("health_key", "{changeKey}"),
            new Column("health_scores", "{summary}::text::jsonb -> 'scores'"),
            new Column("health_attention", "{attention}"));

    private static final List<Column> ALL = concat(ROW, HEALTH);

    private static final List<Param<Append.ReadModel>> ROW_PARAMS = List.of(
            new Param<>("state", Append.ReadModel::state),
            new Param<>("partnerOrgs", m -> m.partnerOrgs().toArray(String[]::new)),
            new Param<>("name", Append.ReadModel::name),
            new Param<>("partnershipType", Append.ReadModel::partnershipType),
            new Param<>("sectors", m -> m.sectors().toArray(String[]::new)),
            new Param<>("funderIds", m -> m.funderIds().toArray(String[]::new)),
            new Param<>("healthFacts", Append.ReadModel::healthFacts));

    private static final List<Param<Append.HealthRow>> HEALTH_PARAMS = List.of(
            new Param<>("view", Append.HealthRow::view),
            new Param<>("status", Append.HealthRow::status),
            new Param<>("overall", Append.HealthRow::overall),
            new Param<>("alerts", h -> h.alerts().toArray(String[]::new)),
            new Param<>("assessedAt", h -> utc(h.assessedAt())),
            new Param<>("paramsVersion", Append.HealthRow::paramsVersion),
            new Param<>("summary", h -> h.summary().toString()),
            new Param<>("changeKey", Append.HealthRow::changeKey),
            new Param<>("attention", Append.HealthRow::attention));

    /** The writer's first parameters, whatever it writes: the stream version and the moment written at. */
    private static final List<String> LEADING = List.of("version", "at");

    private static final List<String> ALL_NAMES = names(concat(ROW_PARAMS.stream().map(Param::name).toList(),
            HEALTH_PARAMS.stream().map(Param::name).toList()));
    private static final List<String> HEALTH_NAMES = names(HEALTH_PARAMS.stream().map(Param::name).toList());

    private static final String OUTBOX = """
            insert into health_outbox (partnership_id, funder_ids, summary, created_at)
                select w.id, w.funder_ids, {summary}::text::jsonb, {at}::timestamptz from %s w
                where {changeKey}::text is distinct from (select health_key from partnerships where id = w.id)
                   or w.funder_ids is distinct from (select funder_ids from partnerships where id = w.id)
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Pool pool;

    public PartnershipRows(Pool pool) {
        this.pool = pool;
    }

    /**
     * Replaces a partnership's read model, provided its stream is still at {@code version}: an
     * append since then wrote a newer one. Answers whether the row was written.
     */
    public Uni<Boolean> writeReadModel(UUID partnershipId, long version, Append.ReadModel model, Instant now) {
        return written(REPLACE_ROW, partnershipId, PartnershipRows.params(version, model, now));
    }

    /**
     * Replaces a partnership's health, provided its stream is still at {@code version}; a change
     * of status, integer score, alerts or model version (the row's change key) goes to the health
     * outbox in the same statement, dated when the health was assessed.
     */
    public Uni<Boolean> writeHealth(UUID partnershipId, long version, Append.HealthRow health) {
        return written(REPLACE_HEALTH, partnershipId, PartnershipRows.params(version, health, health.assessedAt()));
    }

    /** A read model to write, provided the partnership's stream is still at {@code version}. */
    public record ReadModelWrite(UUID partnershipId, long version, Append.ReadModel model) {
    }

    /**
     * Replaces several partnerships' read models in one round trip (a pipelined batch of the
     * same statement), each provided its stream is still at its version. Answers how many rows
     * were written.
     */
    public Uni<Integer> writeReadModels(List<ReadModelWrite> writes, Instant now) {
        if (writes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        var batch = new ArrayList<Tuple>(writes.size());
        for (var w : writes) {
            var params = new ArrayList<Object>();
            params.add(w.partnershipId());
            params.addAll(PartnershipRows.params(w.version(), w.model(), now));
            batch.add(Tuple.from(params));
        }
        return pool.preparedQuery(REPLACE_ROW).executeBatch(batch).map(rows -> {
            int written = 0;
            for (var set = rows; set != null; set = set.next()) {
                written += (int) set.iterator().next().getLong("written").longValue();
            }
            return written;
        });
    }

    private static final String REPLACE_ROW = "with " + PartnershipRows.replaceRow("written", 2)
            + "\nselect count(*) as written from written";
    private static final String REPLACE_HEALTH = "with " + PartnershipRows.replaceHealth("written", 2)
            + "\nselect count(*) as written from written";

    private Uni<Boolean> written(String sql, UUID partnershipId, List<Object> rowParams) {
        var params = new ArrayList<Object>(rowParams.size() + 1);
        params.add(partnershipId);
        params.addAll(rowParams);
        return pool.preparedQuery(sql).execute(Tuple.from(params))
                .map(rows -> rows.iterator().next().getLong("written") == 1);
    }

    /** A partnership id and its stream version. */
    public record StreamRef(UUID partnershipId, long version) {
    }

    /** Partnerships after {@code after} in id order, for work done in batches. */
    public Uni<List<StreamRef>> streams(UUID after, int limit) {
        return pool.preparedQuery("select id, version from partnerships where id > $1 order by id limit $2")
                .execute(Tuple.of(after, limit))
                .map(PartnershipRows::streamRefs);
    }

    /** Partnerships whose health was last assessed before {@code before}, oldest first. */
    public Uni<List<StreamRef>> assessedBefore(Instant before, int limit) {
        return pool.preparedQuery("select id, version from partnerships where health_assessed_at < $1"
                + " order by health_assessed_at, id limit $2")
                .execute(Tuple.of(utc(before), limit))
                .map(PartnershipRows::streamRefs);
    }

    /**
     * Partnerships after {@code after} in id order whose stored health was assessed under a model
     * version other than {@code paramsVersion}, or never assessed.
     */
    public Uni<List<StreamRef>> assessedUnderOtherModel(String paramsVersion, UUID after, int limit) {
        return pool.preparedQuery("select id, version from partnerships where id > $2"
                + " and params_version is distinct from $1 order by id limit $3")
                .execute(Tuple.of(paramsVersion, after, limit))
                .map(PartnershipRows::streamRefs);
    }

    private static List<StreamRef> streamRefs(RowSet<Row> rows) {
        var refs = new ArrayList<StreamRef>(rows.size());
        rows.forEach(row -> refs.add(new StreamRef(row.getUUID("id"), row.getLong("version"))));
        return List.copyOf(refs);
    }

    /**
     * The stored health view as the database holds it (JSON text, not parsed), with what decides
     * who may see it (the partners' organisations and the funders) and what identifies it: the
     * stream version and the moment it was assessed at. A health view is a function of the
     * stream up to a version, the moment and the model's parameters, so a view already held for
     * the same version and moment is the same view.
     */
    public record StoredHealth(List<String> partnerOrgs, List<String> funderIds, long version, Instant assessedAt,
            String paramsVersion, String view) {
    }

    /**
     * One row read, nothing parsed: the health read is the service's most frequent request. The
     * view itself (about 12 KB of JSON) is left out, null, when it is the one assessed for
     * {@code heldVersion} at {@code heldAssessedAt} under {@code heldParams}, which the caller
     * already holds.
     */
    public Uni<Optional<StoredHealth>> storedHealth(UUID partnershipId, Long heldVersion, Instant heldAssessedAt,
            String heldParams) {
        return pool.preparedQuery("select partner_orgs, funder_ids, version, health_assessed_at, params_version,"
                + " case when version = $2 and health_assessed_at = $3 and params_version = $4 then null"
                + " else health::text end as health from partnerships where id = $1")
                .execute(Tuple.of(partnershipId, heldVersion, utc(heldAssessedAt), heldParams))
                .map(rows -> EventStore.first(rows).map(row -> new StoredHealth(List.of(row.getArrayOfStrings("partner_orgs")),
                        List.of(row.getArrayOfStrings("funder_ids")), row.getLong("version"),
                        row.getOffsetDateTime("health_assessed_at") == null ? null
                                : row.getOffsetDateTime("health_assessed_at").toInstant(),
                        row.getString("params_version"), row.getString("health"))));
    }


    /**
     * The append's write: the whole row, inserted or replaced whatever its version (the events'
     * unique versions guard the append), and its outbox record.
     */
    public static String upsert(String name, int first) {
        var columns = ALL.stream().map(Column::name).collect(Collectors.joining(", "));
        var values = ALL.stream().map(Column::value).collect(Collectors.joining(", "));
        var replaced = ALL.stream().map(c -> c.name() + " = excluded." + c.name()).collect(Collectors.joining(", "));
        return ctes(name, "insert into partnerships (id, version, " + columns + ")"
                + " values ($1, {version}, " + values + ")"
                + " on conflict (id) do update set version = excluded.version, " + replaced
                + " returning id, funder_ids", ALL_NAMES, first);
    }

    /**
     * The rebuild's write: the whole row but its version, provided the stream is still at the
     * writer's {@code version}, and its outbox record.
     */
    public static String replaceRow(String name, int first) {
        return update(name, ALL, ALL_NAMES, first);
    }

    /**
     * The reassessment's write: the health columns alone, provided the stream is still at the
     * writer's {@code version}, and its outbox record.
     */
    public static String replaceHealth(String name, int first) {
        return update(name, HEALTH, HEALTH_NAMES, first);
    }

    /** The parameters of {@link #upsert} and {@link #replaceRow}, in their order. */
    public static List<Object> params(long version, Append.ReadModel model, Instant at) {
        var params = new ArrayList<Object>(Arrays.asList(version, utc(at)));
        ROW_PARAMS.forEach(p -> params.add(p.value().apply(model)));
        HEALTH_PARAMS.forEach(p -> params.add(p.value().apply(model.health())));
        return params;
    }

    /** The parameters of {@link #replaceHealth}, in their order: {@code at} dates the outbox record. */
    public static List<Object> params(long version, Append.HealthRow health, Instant at) {
        var params = new ArrayList<Object>(Arrays.asList(version, utc(at)));
        HEALTH_PARAMS.forEach(p -> params.add(p.value().apply(health)));
        return params;
    }

    /** The number of the writer's parameter {@code name} (as in the SQL, say {@code funderIds}) in a whole-row write. */
    public static int position(String name, int first) {
        var i = ALL_NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return first + i;
    }

    private static String update(String name, List<Column> columns, List<String> names, int first) {
        var set = columns.stream().map(c -> c.name() + " = " + c.value()).collect(Collectors.joining(", "));
        return ctes(name, "update partnerships set " + set + " where id = $1 and version = {version}"
                + " returning id, funder_ids", names, first);
    }

    private static String ctes(String name, String write, List<String> names, int first) {
        return bind(name + " as (\n    " + write + "\n), " + name + "_outbox as (\n    "
                + OUTBOX.formatted(name).strip() + "\n)", names, first);
    }

    private static String bind(String sql, List<String> names, int first) {
        var m = PLACEHOLDER.matcher(sql);
        var out = new StringBuilder();
        while (m.find()) {
            var i = names.indexOf(m.group(1));
            if (i < 0) {
                throw new IllegalStateException("no parameter " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("$" + (first + i)));
        }
        return m.appendTail(out).toString();
    }

    private static List<String> names(List<String> own) {
        return concat(LEADING, own);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new ArrayList<T>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
