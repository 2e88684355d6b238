package org.rapport.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import org.rapport.domain.health.HealthWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL event log: append to a partnership's stream, read a stream, follow all streams,
 * remember idempotency keys. The append writes the partnership's row and health outbox record
 * too, with {@link PartnershipRows}' SQL; the rows and the outbox are read and rewritten by
 * {@link PartnershipRows} and {@link HealthOutbox}.
 *
 * <p>An append is one SQL statement (events, the partnership's new state and the idempotency key
 * together), so it commits or fails whole in a single round trip. Each stream version is written
 * once because of the unique constraint on (stream_id, version), whatever the number of service
 * instances.
 */
@ApplicationScoped
public class EventStore {

    /** A stored event's columns but whether it is voided. */
    private static final String EVENT_COLUMNS = """
            e.event_id, e.stream_id, e.type, e.schema_version, e.version, e.position, e.occurred_at,
            e.recorded_at, e.recorded_by, e.correlation_id, e.causation_id, e.evidence_url, e.trace_parent,
            e.trace_state, e.data::text as data""";

    private static final String COLUMNS = EVENT_COLUMNS + """
            , exists (select 1 from events v where v.type = 'EventVoided' and v.stream_id = e.stream_id
                    and v.data ->> 'voidedEventId' = e.event_id::text) as voided
            """;

    /** The first of the partnership row's parameters in the append, after the events' and the idempotency key's. */
    public static final int APPEND_ROW_PARAMS = 19;

    /** The append: public so that the benchmark harness can drive this very statement through pgbench. */
    public static final String APPEND = """
            with new_events as (
                insert into events (stream_id, version, event_id, type, schema_version, data, occurred_at,
                                    recorded_at, recorded_by, correlation_id, causation_id, evidence_url,
                                    trace_parent, trace_state)
                select $1, u.version, u.event_id, u.type, u.schema_version, u.data::jsonb, u.occurred_at,
                       $2, $3, u.correlation_id, u.causation_id, u.evidence_url, $17, $18
                from unnest($4::bigint[], $5::uuid[], $6::text[], $7::int[], $8::text[], $9::timestamptz[],
                            $10::uuid[], $11::uuid[], $12::text[])
                     with ordinality as u(version, event_id, type, schema_version, data, occurred_at,
                                          correlation_id, causation_id, evidence_url, n)
                order by u.n
                returning position, version, data::text as data, recorded_at
            ), remembered as (
                insert into idempotency_keys (caller, request_path, key, request_hash, event_ids, created_at)
                select $13, $14, $15, $16, $5::uuid[], $2 where $15::text is not null
                returning key
            ), """ + PartnershipRows.upsert("head", APPEND_ROW_PARAMS) + """

            select position, version, data, recorded_at from new_events order by version
            """;

    /*
     * The horizon: every transaction with an id below the oldest one still running has finished,
     * so rows below it can no longer appear out of order. A reader that followed positions alone
     * would skip a row whose transaction took a lower position but committed later.
     */
    static final String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    private final Pool pool;
    private final ObjectMapper json;
    private final Upcasting upcasting;

    public EventStore(Pool pool, ObjectMapper json, Upcasting upcasting) {
        this.pool = pool;
        this.json = json;
        this.upcasting = upcasting;
    }

    /** A stream's head and state, without its health facts. */
    public Uni<Optional<StreamHead>> head(UUID partnershipId) {
        return head(partnershipId, List.of(), false);
    }

    /**
     * A stream's head, its state and (with {@code withFacts}) its health facts, and which of
     * {@code eventIds} the log already holds (anywhere), in one round trip: a retried request is
     * recognised before anything is decided.
     */
    public Uni<Optional<StreamHead>> head(UUID partnershipId, List<UUID> eventIds, boolean withFacts) {
        return pool.preparedQuery("select p.version, p.state::text as state,"
                + " case when $3 then p.health_facts end as health_facts,"
                + " (select coalesce(array_agg(event_id), '{}') from events where event_id = any($2::uuid[])) as known"
                + " from partnerships p where p.id = $1")
                .execute(Tuple.of(partnershipId, eventIds.toArray(UUID[]::new), withFacts))
                .map(rows -> first(rows).map(row -> new StreamHead(partnershipId, row.getLong("version"),
                        row.getString("state"), row.getString("health_facts"), List.of(row.getArrayOfUUIDs("known")))));
    }

    /**
     * Appends in one statement and answers with the events exactly as stored (the database's
     * timestamps and JSON), so a later read or a replayed request returns the same bytes.
     */
    public Uni<List<StoredEvent>> append(Append append) {
        var events = append.events();
        int n = events.size();
        var versions = new Long[n];
        var ids = new UUID[n];
        var types = new String[n];
        var schemaVersions = new Integer[n];
        var data = new String[n];
        var occurredAt = new OffsetDateTime[n];
        var correlationIds = new UUID[n];
        var causationIds = new UUID[n];
        var evidenceUrls = new String[n];
        for (int i = 0; i < n; i++) {
            var e = events.get(i);
            versions[i] = append.expectedVersion() + i + 1;
            ids[i] = e.eventId();
            types[i] = e.type();
            schemaVersions[i] = e.schemaVersion();
            data[i] = e.data().toString();
            occurredAt[i] = utc(e.occurredAt());
            correlationIds[i] = e.correlationId();
            causationIds[i] = e.causationId();
            evidenceUrls[i] = e.evidenceUrl();
        }
        var key = append.idempotencyKey();
        var params = new ArrayList<Object>(Arrays.<Object>asList(append.partnershipId(), utc(append.recordedAt()),
                append.recordedBy(), versions, ids, types, schemaVersions, data, occurredAt, correlationIds,
                causationIds, evidenceUrls, key == null ? null : key.caller(), key == null ? null : key.path(),
                key == null ? null : key.key(), key == null ? null : key.requestHash(),
                append.trace().traceparent(), append.trace().tracestate()));
        params.addAll(PartnershipRows.params(append.newVersion(), append.readModel(), append.recordedAt()));
        return pool.preparedQuery(APPEND).execute(Tuple.from(params))
                .onFailure(PgException.class).transform(EventStore::conflictOrSame)
                .map(rows -> {
                    var stored = new ArrayList<StoredEvent>(n);
                    int i = 0;
                    for (var row : rows) {
                        var e = events.get(i++);
                        stored.add(new StoredEvent(e.eventId(), append.partnershipId(), e.type(), e.schemaVersion(),
                                row.getLong("version"), row.getLong("position"), e.occurredAt(),
                                row.getOffsetDateTime("recorded_at").toInstant(), append.recordedBy(),
                                e.correlationId(), e.causationId(), e.evidenceUrl(), append.trace().traceparent(),
                                append.trace().tracestate(), false,
                                parse(row.getString("data"))));
                    }
                    return List.copyOf(stored);
                });
    }

    public Uni<List<StoredEvent>> readStream(UUID partnershipId, long fromVersion, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from events e where e.stream_id = $1 and e.version >= $2"
                + " order by e.version limit $3")
                .execute(Tuple.of(partnershipId, fromVersion, limit))
                .map(this::events);
    }

    /**
     * Whole streams at once, each in version order, for the rebuild: one round trip for many
     * partnerships. Whether an event is voided is left to the reader (every void is in the
     * stream of the event it voids), so {@link StoredEvent#voided()} is false here.
     */
    public Uni<java.util.Map<UUID, List<StoredEvent>>> readStreams(List<UUID> partnershipIds) {
        return pool.preparedQuery("select " + EVENT_COLUMNS + ", false as voided from events e"
                + " where e.stream_id = any($1::uuid[])"
                + " order by e.stream_id, e.version")
                .execute(Tuple.of(partnershipIds.toArray(UUID[]::new)))
                .map(rows -> {
                    var streams = new java.util.LinkedHashMap<UUID, List<StoredEvent>>();
                    rows.forEach(row -> streams.computeIfAbsent(row.getUUID("stream_id"), k -> new ArrayList<>())
                            .add(event(row)));
                    return streams;
                });
    }

    private static final String FREQUENT = HealthWindow.FREQUENT_TYPES.stream().sorted().map(t -> "'" + t + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    /** Every other kind but voids: few per partnership, all of them read. */
    private static final String[] STRUCTURAL = org.rapport.domain.EventCatalog.all().stream()
            .map(org.rapport.domain.EventCatalog.EventType::name)
            .filter(name -> !HealthWindow.frequent(name) && !name.equals("EventVoided"))
            .toArray(String[]::new);

    private static final String NOT_VOIDED = " and not exists (select 1 from events v where v.type = 'EventVoided'"
            + " and v.stream_id = e.stream_id and v.data ->> 'voidedEventId' = e.event_id::text"
            + " and ($3::timestamptz is null or v.recorded_at <= $3))"
            + " and ($3::timestamptz is null or e.recorded_at <= $3) and e.occurred_at <= $2";

    // No order: the assessment orders by occurredAt itself, and asking the database for stream
    // order would invite it to walk the whole stream by version instead of the recent window.
    // The structural types are named, not excluded, so the (stream_id, type, occurred_at) index
    // reaches them directly whatever the length of the stream.
    /** Parameters: stream id, asOf, knownAt (or null), start of the window, the structural types. */
    public static final String HEALTH_QUERY = "select " + COLUMNS + " from events e where e.stream_id = $1"
            + " and e.type = any($5::text[])" + NOT_VOIDED
            + " union all select " + COLUMNS + " from events e where e.stream_id = $1"
            + " and e.type in (" + FREQUENT + ") and e.occurred_at >= $4" + NOT_VOIDED;

    /** The structural types, the fifth parameter of {@link #HEALTH_QUERY}. */
    public static List<String> structuralTypes() {
        return List.of(STRUCTURAL);
    }

    /** A moment after every event's occurrence: as {@code asOf}, the health query then reads all that occurred. */
    public static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * What the health assessment of a stream reads at {@code asOf}, in no particular order: the events that had occurred
     * by then and were not voided, leaving out voids themselves; every structural event, and the
     * frequent kinds from {@code windowStart} on. With {@code knownAt}, only what had been recorded
     * by then (voids included) counts.
     */
    public Uni<List<StoredEvent>> readForHealth(UUID partnershipId, Instant asOf, Instant knownAt,
            Instant windowStart) {
        return pool.preparedQuery(HEALTH_QUERY)
                .execute(Tuple.of(partnershipId, utc(asOf), utc(knownAt), utc(windowStart), STRUCTURAL))
                .map(this::events);
    }

    public Uni<Optional<StoredEvent>> readEvent(UUID partnershipId, UUID eventId) {
        return pool.preparedQuery("select " + COLUMNS + " from events e where e.stream_id = $1 and e.event_id = $2")
                .execute(Tuple.of(partnershipId, eventId))
                .map(rows -> events(rows).stream().findFirst());
    }

    /** The stored events with these ids, in stream order. */
    public Uni<List<StoredEvent>> readEvents(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select " + COLUMNS + " from events e where e.event_id = any($1::uuid[])"
                + " order by e.position")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new)))
                .map(this::events);
    }

    /**
     * The global feed after {@code after}, in (transaction, position) order, reading only what
     * lies below the oldest running transaction: a page never skips an event that commits later.
     */
    public Uni<FeedPage> readAll(FeedCursor after, int limit) {
        return readAll(after, limit, null, null, false);
    }

    /**
     * The feed of the partnerships {@code memberOrg} is a current partner of, or {@code funderId}
     * funds (both null: all), without trust-survey responses when {@code hideSurveys}. An empty
     * page means nothing more for this caller yet.
     */
    public Uni<FeedPage> readAll(FeedCursor after, int limit, String memberOrg, String funderId, boolean hideSurveys) {
        return pool.preparedQuery("select " + COLUMNS + ", e.tx_id from events e"
                + " where (e.tx_id, e.position) > ($1, $2) and e.tx_id < " + HORIZON
                + " and ($4::text is null or e.stream_id in (select id from partnerships where $4 = any(partner_orgs)))"
                + " and ($5::text is null or e.stream_id in (select id from partnerships where $5 = any(funder_ids)))"
                + " and not ($6 and e.type = '" + org.rapport.domain.EventCatalog.SURVEY_RESPONSE + "')"
                + " order by e.tx_id, e.position limit $3")
                .execute(Tuple.from(Arrays.<Object>asList(after.txId(), after.position(), limit, memberOrg, funderId,
                        hideSurveys)))
                .map(rows -> {
                    var next = after;
                    var page = new ArrayList<StoredEvent>();
                    for (var row : rows) {
                        page.add(event(row));
                        next = new FeedCursor(row.getLong("tx_id"), row.getLong("position"));
                    }
                    return new FeedPage(List.copyOf(page), next);
                });
    }

    /** Committed events the feed cannot serve yet because an older transaction is still running. */
    public Uni<HeldBack> heldBack() {
        return pool.query("select count(*) as events, min(recorded_at) as oldest from events where tx_id >= "
                + HORIZON).execute()
                .map(rows -> {
                    var row = rows.iterator().next();
                    var oldest = row.getOffsetDateTime("oldest");
                    return new HeldBack(row.getLong("events"), oldest == null ? null : oldest.toInstant());
                });
    }

    public record HeldBack(long events, Instant oldestRecordedAt) {
    }

    public Uni<Optional<RememberedRequest>> remembered(IdempotencyKey key, Instant notBefore) {
        return pool.preparedQuery("select request_hash, event_ids from idempotency_keys"
                + " where caller = $1 and request_path = $2 and key = $3 and created_at >= $4")
                .execute(Tuple.of(key.caller(), key.path(), key.key(), utc(notBefore)))
                .map(rows -> first(rows).map(row -> new RememberedRequest(row.getString("request_hash"),
                        List.of(row.getArrayOfUUIDs("event_ids")))));
    }

    /** Forgets idempotency keys recorded before {@code before}; returns how many. */
    public Uni<Integer> forgetKeysBefore(Instant before) {
        return pool.preparedQuery("delete from idempotency_keys where created_at < $1")
                .execute(Tuple.of(utc(before)))
                .map(RowSet::rowCount);
    }

    private List<StoredEvent> events(RowSet<Row> rows) {
        var list = new ArrayList<StoredEvent>(rows.size());
        rows.forEach(row -> list.add(event(row)));
        return List.copyOf(list);
    }

    /** A stored row, read in the current shape of its type. */
    private StoredEvent event(Row row) {
        return upcasting.current(new StoredEvent(row.getUUID("event_id"), row.getUUID("stream_id"), row.getString("type"),
                row.getInteger("schema_version"), row.getLong("version"), row.getLong("position"),
                row.getOffsetDateTime("occurred_at").toInstant(), row.getOffsetDateTime("recorded_at").toInstant(),
                row.getString("recorded_by"), row.getUUID("correlation_id"), row.getUUID("causation_id"),
                row.getString("evidence_url"), row.getString("trace_parent"), row.getString("trace_state"),
                row.getBoolean("voided"), parse(row.getString("data"))));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the event log holds JSON it cannot read", e);
        }
    }

    static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Throwable conflictOrSame(Throwable failure) {
        var pg = (PgException) failure;
        if (!"23505".equals(pg.getSqlState()) || pg.getConstraint() == null) {
            return failure;
        }
        return switch (pg.getConstraint()) {
            case "events_stream_version_key", "partnerships_pkey" -> new AppendConflict(AppendConflict.On.STREAM_VERSION);
            case "events_event_id_key" -> new AppendConflict(AppendConflict.On.EVENT_ID);
            case "idempotency_keys_pkey" -> new AppendConflict(AppendConflict.On.IDEMPOTENCY_KEY);
            default -> failure;
        };
    }
}
