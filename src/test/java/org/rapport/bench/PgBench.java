package org.rapport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.PartnershipRows;

/**
 * The physical limit beside each figure: pgbench, at the same concurrency against the same
 * database server, running the SQL the service runs. It works on a copy of the service's tables
 * (schema {@code bench}: the same columns, indexes and rows) so that its writes never reach the
 * service's log, and names partnership {@code n} by a UUID made from {@code n}, which costs no
 * extra statement.
 */
final class PgBench {

    /** Which partnership a client works on: each client has its own, as the service's clients do. */
    static final String PICK = "\\set n 1 + :client_id + :clients * random(0, :per - 1)\n";
    static final String ID = "lpad(to_hex(:n::bigint), 32, '0')::uuid";

    private final int port;
    private final Path dir;

    PgBench(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Copies the partnerships (numbered from 1 in the order given) and their streams into schema bench. */
    static void prepare(Connection c, List<UUID> partnerships) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("drop schema if exists bench cascade");
            s.execute("create schema bench");
            for (var table : List.of("events", "partnerships", "idempotency_keys", "health_outbox")) {
                s.execute("create table bench." + table + " (like public." + table + " including all)");
            }
            s.execute("create table bench.ids (n int primary key, id uuid not null)");
        }
        try (var insert = c.prepareStatement("insert into bench.ids (n, id) select * from unnest(?::int[], ?::uuid[])")) {
            var ns = new Integer[partnerships.size()];
            for (int i = 0; i < ns.length; i++) {
                ns[i] = i + 1;
            }
            insert.setArray(1, c.createArrayOf("int", ns));
            insert.setArray(2, c.createArrayOf("uuid", partnerships.toArray()));
            insert.execute();
        }
        try (var s = c.createStatement()) {
            s.execute("insert into bench.events overriding system value select e.* from public.events e"
                    + " join bench.ids i on i.id = e.stream_id");
            s.execute("insert into bench.partnerships select p.* from public.partnerships p"
                    + " join bench.ids i on i.id = p.id");
            s.execute("update bench.events e set stream_id = lpad(to_hex(i.n), 32, '0')::uuid from bench.ids i"
                    + " where e.stream_id = i.id");
            s.execute("update bench.partnerships p set id = lpad(to_hex(i.n), 32, '0')::uuid from bench.ids i"
                    + " where p.id = i.id");
            s.execute("select setval(pg_get_serial_sequence('bench.events', 'position'),"
                    + " (select max(position) from bench.events))");
            s.execute("vacuum analyze bench.events");
            s.execute("vacuum analyze bench.partnerships");
        }
    }

    static String substitute(String sql, Map<Integer, String> values) {
        var m = Pattern.compile("\\$(\\d+)").matcher(sql);
        var out = new StringBuilder();
        while (m.find()) {
            var value = values.get(Integer.parseInt(m.group(1)));
            if (value == null) {
                throw new IllegalArgumentException("no value for $" + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * What the service runs for one single-event append without an idempotency key: the head
     * (version, state, health facts, whether the event id is known) and the append statement
     * itself, taken from {@code EventStore}. The service computes the columns it writes
     * back; pgbench reads the small ones with the head and writes them back unchanged, and writes a
     * real health view and summary ({@code -D health=... -D summary=...}) of the size the service
     * writes.
     */
    static String appendScript() {
        var head = """
                select p.id::text as pid, p.version as version, p.state::text as state,
                  coalesce(p.health_facts, '') as facts,
                  (select coalesce(array_agg(event_id), '{}') from events where event_id = any('{%s}'::uuid[])) as known,
                  p.partner_orgs::text as orgs, coalesce(p.name, '') as name, coalesce(p.partnership_type, '') as ptype,
                  p.sectors::text as sectors, p.funder_ids::text as funders,
                  coalesce(p.health_status, '') as hstatus, coalesce(p.health_overall::text, '') as hoverall,
                  p.health_alerts::text as halerts, coalesce(p.health_assessed_at::text, '') as hat,
                  coalesce(p.params_version, '') as pv, coalesce(p.health_key, '') as hkey,
                  coalesce(p.health_attention, 0) as hattention
                from partnerships p where p.id = %s \\gset
                """.formatted(new UUID(0, 0), ID);
        var values = new java.util.HashMap<Integer, String>();
        values.putAll(Map.of(1, ":pid::uuid", 2, "now()", 3, "'bench'", 4, "array[:next::bigint]", 5,
                "array[gen_random_uuid()]", 6, "array['MeetingHeld']", 7, "array[1]", 8, "array[:data::text]", 9,
                "array[now()]", 10, "array[null::uuid]"));
        values.putAll(Map.of(11, "array[null::uuid]", 12, "array[null::text]", 13, "null", 14, "null", 15, "null",
                16, "null", 17, "null", 18, "null"));
        var row = Map.ofEntries(Map.entry("version", ":next::bigint"), Map.entry("at", "now()"),
                Map.entry("state", ":state"), Map.entry("partnerOrgs", ":orgs"), Map.entry("name", "nullif(:name, '')"),
                Map.entry("partnershipType", "nullif(:ptype, '')"), Map.entry("sectors", ":sectors"),
                Map.entry("funderIds", ":funders"), Map.entry("view", "nullif(:health, '')"),
                Map.entry("status", "nullif(:hstatus, '')"), Map.entry("overall", "nullif(:hoverall, '')::int"),
                Map.entry("alerts", ":halerts"), Map.entry("assessedAt", "nullif(:hat, '')::timestamptz"),
                Map.entry("paramsVersion", "nullif(:pv, '')"), Map.entry("summary", ":summary"),
                Map.entry("changeKey", "nullif(:hkey, '')"), Map.entry("healthFacts", "nullif(:facts, '')"),
                Map.entry("attention", ":hattention::int"));
        row.forEach((name, value) -> values.put(PartnershipRows.position(name, EventStore.APPEND_ROW_PARAMS), value));
        var append = substitute(EventStore.APPEND, values);
        return PICK + head + "\\set next :version + 1\n" + oneLine(append) + ";\n";
    }

    /** The health read's physical limit: the same row by primary key. */
    static String healthScript() {
        return PICK + "select health::text from partnerships where id = " + ID + ";\n";
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }

    /** A pgbench run: transactions a second and latency percentiles from its per-transaction log. */
    Load.Stats run(String name, String script, int clients, int partnerships, int seconds, Map<String, String> vars)
            throws IOException, InterruptedException {
        var runDir = Files.createDirectories(dir.resolve(name + "-" + clients));
        try (var old = Files.list(runDir)) {
            for (var f : old.toList()) {
                Files.delete(f);
            }
        }
        var file = runDir.resolve("script.sql");
        Files.writeString(file, script);
        var command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-h", "localhost", "-p",
                Integer.toString(port), "-U", "postgres", "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds), "-D", "clients=" + clients,
                "-D", "per=" + Math.max(1, partnerships / clients), "-l", "--log-prefix=" + runDir.resolve("tx"), "-f",
                file.toString()));
        vars.forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
        command.add("postgres");
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        builder.environment().put("PGOPTIONS", "-c search_path=bench");
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || !output.contains("tps = ")) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        var tps = Double.parseDouble(output.replaceAll("(?s).*tps = ([0-9.]+).*", "$1"));
        var failed = output.replaceAll("(?s).*number of failed transactions: ([0-9]+).*", "$1");
        var latencies = new ArrayList<Long>();
        try (var logs = Files.list(runDir)) {
            for (var log : logs.filter(f -> f.getFileName().toString().startsWith("tx")).toList()) {
                for (var line : Files.readAllLines(log)) {
                    latencies.add(Long.parseLong(line.split(" ")[2]) * 1_000);
                }
            }
        }
        var stats = Load.Stats.of(latencies, failed.matches("[0-9]+") ? Long.parseLong(failed) : 0, null,
                java.time.Duration.ofSeconds(seconds));
        return new Load.Stats(stats.count(), stats.failures(), null, tps, stats.p50Millis(), stats.p99Millis());
    }
}
