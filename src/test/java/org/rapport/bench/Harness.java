package org.rapport.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.rapport.publish.Topics;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Tokens;

/**
 * The benchmark: the packaged service in its own process against a real PostgreSQL and a real
 * Kafka broker, load from this process, pgbench beside it on the same database. Run with
 * {@code ./mvnw verify -Pbenchmark}; it prints a table and writes it to
 * {@code target/benchmarks/<commit>.md}. It measures; it asserts only that the workload was
 * accepted and delivered.
 */
public final class Harness {

    private final Settings settings;
    private final List<String> rows = new ArrayList<>();
    private UUID[] ids;
    private final Workload workload = new Workload(LocalDate.now(ZoneOffset.UTC));
    private String[] partnerTokens;
    private ServiceProcess service;
    private Load load;

    /** What to run; each can be set as a system property {@code bench.<name>}. */
    record Settings(int partnerships, int portfolio, int seconds, int[] clients, int kafkaRate, int kafkaBatch,
            int kafkaSeconds, int warmUp, List<String> jvmOptions, Map<String, String> environment, Path jar, Path out,
            java.util.Set<String> phases) {

        /** The parts of the run, in order; {@code bench.phases} picks some of them (all by default). */
        static final List<String> PHASES = List.of("append", "health", "kafka", "portfolio", "rebuild", "relay");

        boolean runs(String phase) {
            return phases.contains(phase);
        }

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.partnerships", 1_000),
                    Integer.getInteger("bench.portfolio", 10_000), Integer.getInteger("bench.seconds", 10),
                    Arrays.stream(System.getProperty("bench.clients", "1,8,32,64").split(","))
                            .mapToInt(Integer::parseInt).toArray(),
                    Integer.getInteger("bench.kafka-rate", 1_000), Integer.getInteger("bench.kafka-batch", 20),
                    Integer.getInteger("bench.kafka-seconds", 20), Integer.getInteger("bench.warm-up", 60),
                    Arrays.stream(System.getProperty("bench.jvm", "").split(" ")).filter(s -> !s.isBlank()).toList(),
                    Arrays.stream(System.getProperty("bench.env", "").split(" ")).filter(s -> s.contains("="))
                            .collect(java.util.stream.Collectors.toMap(s -> s.substring(0, s.indexOf('=')),
                                    s -> s.substring(s.indexOf('=') + 1))),
                    Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar")),
                    Path.of(System.getProperty("bench.out", "target/benchmarks")),
                    java.util.Set.copyOf(Arrays.asList(System.getProperty("bench.phases", String.join(",", PHASES))
                            .split(","))));
        }
    }

    Harness(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        var harness = new Harness(Settings.fromSystemProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (harness.service != null) {
                harness.service.process.destroyForcibly();
            }
        }));
        try {
            harness.run();
        } finally {
            harness.stop();
        }
        System.exit(0);
    }

    /** Total and stolen CPU ticks so far (Linux /proc/stat): a virtual machine's neighbours take a share. */
    static long[] cpuTicks() throws java.io.IOException {
        var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {total, fields.length > 8 ? Long.parseLong(fields[8]) : 0};
    }

    private long[] ticksAtStart;

    void run() throws Exception {
        ticksAtStart = cpuTicks();
        var config = new HashMap<>(new LocalInfrastructure().start());
        config.remove("rapport.kafka.poll-interval");
        config.put("rapport.kafka.lag-interval", "PT1S");
        config.put("quarkus.log.level", "WARN");
        config.put("quarkus.log.category.\"io.quarkus\".level", "INFO");
        service = ServiceProcess.start(settings.jar(), settings.jvmOptions(), settings.environment(), config,
                settings.out().resolve("service.log"));
        load = new Load(service.base);
        var jdbcUrl = System.getProperty(LocalInfrastructure.JDBC_URL);
        int pgPort = Integer.parseInt(jdbcUrl.replaceAll(".*localhost:([0-9]+)/.*", "$1"));
        var pgbench = new PgBench(pgPort, settings.out().resolve("pgbench"));
        log("service ready in %.2f s (Quarkus: %s), RSS %d MB", service.startupSeconds, service.loggedStartup(),
                service.rssKb() / 1024);

        for (var body : Workload.funderRegistrations()) {
            expect(201, load.send(post("/admin/funders", Tokens.admin(), body)));
        }
        partnerTokens = new String[settings.portfolio() + 1];
        ids = new UUID[settings.portfolio() + 1];
        var seed = seed(1, settings.partnerships());
        log("seeded %d partnerships: %.0f events/s in batches of 99", settings.partnerships(), seed.perSecond() * 99);
        // The first events of each funder create its topics; what follows measures the steady state.
        log("relay caught up after %.1f s", awaitRelayCaughtUp());
        if (Boolean.getBoolean("bench.hold")) {
            var held = new StringBuilder(service.base + "\n" + Tokens.admin() + "\n");
            for (int n = 1; n <= settings.partnerships(); n++) {
                held.append(ids[n]).append('\n');
            }
            Files.writeString(settings.out().resolve("hold.txt"), held);
            Thread.sleep(600_000);
        }

        try (var c = LocalInfrastructure.connect()) {
            PgBench.prepare(c, Arrays.asList(ids).subList(1, settings.partnerships() + 1));
        }
        var written = new HashMap<String, String>();
        try (var c = LocalInfrastructure.connect(); var s = c.createStatement()) {
            for (var column : Map.of("data", "select data::text from events where type = 'MeetingHeld' limit 1",
                    "health", "select health::text from partnerships where health is not null limit 1",
                    "summary", "select summary::text from health_outbox limit 1").entrySet()) {
                try (var r = s.executeQuery(column.getValue())) {
                    r.next();
                    written.put(column.getKey(), r.getString(1));
                }
            }
        }
        var warmUp = Duration.ofSeconds(2);
        var duration = Duration.ofSeconds(settings.seconds());
        var wrk = Wrk.find(settings.out().resolve("wrk"));
        var seeded = Arrays.asList(ids).subList(1, settings.partnerships() + 1);
        var seededTokens = Arrays.asList(partnerTokens).subList(1, settings.partnerships() + 1);
        var healthPaths = new ArrayList<String>();
        for (int n = 1; n <= settings.partnerships(); n++) {
            healthPaths.add("/partnerships/" + ids[n] + "/health");
        }
        var admin = Tokens.admin();
        if (settings.warmUp() > 0) {
            // The JIT compiles the hot paths for minutes after start-up; measure the service warm, as it
            // runs in production, after appends and reads unmeasured for bench.warm-up seconds.
            Load.Stats appends;
            Load.Stats reads;
            if (wrk.isPresent()) {
                appends = wrk.get().appendMeetings(service.base, seeded, seededTokens, 8, settings.warmUp() * 2 / 3);
                reads = wrk.get().get(service.base, healthPaths, admin, 8, settings.warmUp() / 3);
            } else {
                appends = load.closedLoop(8, Duration.ZERO, Duration.ofSeconds(settings.warmUp() * 2L / 3), 201,
                        (client, seq) -> appendRequest(pick(client, 8, settings.partnerships())));
                reads = load.closedLoop(8, Duration.ZERO, Duration.ofSeconds(settings.warmUp() / 3), 200,
                        (client, seq) -> get(healthPaths.get(pick(client, 8, settings.partnerships()) - 1), admin));
            }
            log("warm-up: %,.0f appends/s, %,.0f health reads/s", appends.perSecond(), reads.perSecond());
        }
        for (int clients : settings.runs("append") ? settings.clients() : new int[0]) {
            Load.Stats svc;
            if (wrk.isPresent()) {
                wrk.get().appendMeetings(service.base, seeded, seededTokens, clients, 2);
                svc = wrk.get().appendMeetings(service.base, seeded, seededTokens, clients, settings.seconds());
            } else {
                svc = load.closedLoop(clients, warmUp, duration, 201,
                        (client, seq) -> appendRequest(pick(client, clients, settings.partnerships())));
            }
            var pg = pgbench.run("append", PgBench.appendScript(), clients, settings.partnerships(),
                    settings.seconds(), written);
            row("single-event append, %d client%s (%s)".formatted(clients, clients == 1 ? "" : "s",
                    wrk.isPresent() ? "wrk" : "JVM load generator; install wrk for less load-side CPU"), svc, pg,
                    clients == 32 ? ">= 0.6x pgbench" : "");
        }

        for (int clients : settings.runs("health") ? new int[] {8, 32} : new int[0]) {
            Load.Stats svc;
            if (wrk.isPresent()) {
                wrk.get().get(service.base, healthPaths, admin, clients, 2);
                svc = wrk.get().get(service.base, healthPaths, admin, clients, settings.seconds());
            } else {
                svc = load.closedLoop(clients, warmUp, duration, 200, (client, seq) -> {
                    int n = pick(client, clients, settings.partnerships());
                    return get("/partnerships/" + ids[n] + "/health", partnerTokens[n]);
                });
            }
            var pg = pgbench.run("health", PgBench.healthScript(), clients, settings.partnerships(),
                    settings.seconds(), Map.of());
            row("GET /partnerships/{id}/health, %d clients (%s)".formatted(clients, wrk.isPresent() ? "wrk"
                    : "JVM load generator; install wrk for less load-side CPU"), svc, pg, ">= 0.5x pgbench");
        }
        if (wrk.isPresent() && settings.runs("health")) {
            // The HTTP stack's own ceiling on this machine: no token, no database.
            var live = wrk.get().get(service.base, List.of("/q/health/live"), admin, 32, settings.seconds());
            rows.add("| for reference: GET /q/health/live (no token, no database), 32 clients | %,.0f/s, p50 %.1f ms, p99 %.1f ms | | | |"
                    .formatted(live.perSecond(), live.p50Millis(), live.p99Millis()));
        }

        if (settings.runs("kafka")) {
            kafkaLatency(config.get("kafka.bootstrap.servers"));
        }
        if (settings.runs("portfolio") || settings.runs("rebuild") || settings.runs("relay")) {
            grow();
        }
        if (settings.runs("portfolio")) {
            portfolio(admin, 1);
            portfolio(admin, 8);
        }
        if (settings.runs("rebuild")) {
            rebuild(admin);
        }
        if (settings.runs("relay")) {
            relayThroughput(admin, config.get("kafka.bootstrap.servers"));
        }

        rows.add("| start-up to ready (packaged jar) | %.2f s (Quarkus logged %s) | | | |"
                .formatted(service.startupSeconds, service.loggedStartup()));
        rows.add("| resident memory, peak over the run | %d MB | | | <= 350 MB |".formatted(service.peakRssKb() / 1024));
        report();
    }

    /** Grows the workload to the portfolio's size with batch appends, and measures them and the relay's backlog. */
    private void grow() throws Exception {
        var growth = seed(settings.partnerships() + 1, settings.portfolio());
        rows.add("| batch append (99 events a request), 8 clients, growing to %,d partnerships | %,.0f events/s (p50 %.0f ms, p99 %.0f ms) | | | |"
                .formatted(settings.portfolio(), growth.perSecond() * 99, growth.p50Millis(), growth.p99Millis()));
        var drained = awaitRelayCaughtUp();
        rows.add("| relay backlog when the batch load stopped: drained in | %.1f s | | | keeps up |".formatted(drained));
    }

    private Load.Stats seed(int from, int to) {
        var formed = load.all(to - from + 1, 8, 201, i -> {
            int n = from + i;
            partnerTokens[n] = Tokens.partner(Workload.org(n, 'a'));
            return post("/partnerships", partnerTokens[n], workload.formed(n));
        }, (answer, i) -> {
            var location = answer.headers().firstValue("Location").orElseThrow();
            ids[from + i] = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        });
        log("formed %d partnerships at %.0f/s", to - from + 1, formed.perSecond());
        return load.all(to - from + 1, 8, 201, i -> {
            int n = from + i;
            return post("/partnerships/" + ids[n] + "/events/batch", partnerTokens[n], workload.history(n));
        }, (answer, i) -> {
        });
    }

    /** Client {@code client} of {@code clients} works on its own partnerships, 1 to {@code partnerships}. */
    static int pick(int client, int clients, int partnerships) {
        int per = Math.max(1, partnerships / clients);
        return 1 + client + clients * ThreadLocalRandom.current().nextInt(per);
    }

    /**
     * Appends at a steady {@code kafkaRate} events a second (batches, so that the commit rate
     * stays within what this machine's disk can flush) and measures from each request's 201,
     * which follows its commit, to each event's arrival at a consumer.
     */
    private void kafkaLatency(String bootstrap) throws Exception {
        int perRequest = settings.kafkaBatch();
        int rate = Math.max(1, settings.kafkaRate() / perRequest);
        var committed = new java.util.concurrent.ConcurrentHashMap<String, Long>();
        var batches = new java.util.concurrent.ConcurrentHashMap<Integer, List<UUID>>();
        try (var delivery = new Delivery(bootstrap, Topics.EVENTS)) {
            delivery.measure();
            var sent = load.paced(rate, Duration.ofSeconds(settings.kafkaSeconds()), 201, i -> {
                int n = 1 + i % settings.partnerships();
                var eventIds = new ArrayList<UUID>();
                var batch = new StringBuilder("[");
                for (int e = 0; e < perRequest; e++) {
                    eventIds.add(UUID.randomUUID());
                    batch.append(e == 0 ? "" : ",")
                            .append(Workload.meeting(eventIds.get(e), n, Instant.now().toString()));
                }
                batches.put(i, eventIds);
                return post("/partnerships/" + ids[n] + "/events/batch", partnerTokens[n], batch + "]");
            }, (answer, i) -> {
                long now = System.nanoTime();
                batches.get(i).forEach(id -> committed.put(id.toString(), now));
            });
            delivery.awaitReceived(delivery.received() + committed.size(), Duration.ofSeconds(60));
            Thread.sleep(500);
            var delays = delivery.delays(committed);
            rows.add(("| Kafka delivery, commit acknowledged to consumer's receipt, %,d events/s for %d s (%d-event batches) |"
                    + " p50 %.0f ms, p99 %.0f ms (%,d events; %d not delivered; appends p99 %.0f ms) | | | p99 <= 250 ms |")
                    .formatted(rate * perRequest, settings.kafkaSeconds(), perRequest, delays.p50Millis(),
                            delays.p99Millis(), committed.size(), delays.failures(), sent.p99Millis()));
            log(rows.get(rows.size() - 1));
        }
    }

    private double awaitRelayCaughtUp() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(1_500);
        while (relayLag() > 0) {
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private long relayLag() {
        var metrics = load.send(get("/q/metrics", null)).body();
        return metrics.lines().filter(l -> l.startsWith("rapport_relay_lag_events")).findFirst()
                .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(-1L);
    }

    private void portfolio(String admin, int clients) {
        var queries = List.of("/partnerships?limit=50&sort=-overall", "/partnerships?status=RED&limit=50&sort=name",
                "/partnerships?type=COLLABORATIVE&limit=50&sort=overall",
                "/partnerships?alert=NO_MEETING&limit=50&sort=-overall",
                "/partnerships?sector=ACADEMIC&status=AMBER&limit=50", "/partnerships?funderId="
                        + Workload.funderId(3) + "&limit=50&sort=-overall");
        var svc = load.closedLoop(clients, Duration.ofSeconds(2), Duration.ofSeconds(settings.seconds()), 200,
                (client, seq) -> get(queries.get((int) ((client + seq) % queries.size())), admin));
        rows.add("| portfolio over %,d partnerships (6 filter/sort mixes, 50 a page), %d client%s | %,.0f req/s, p50 %.1f ms, p99 %.1f ms | | | p99 <= 50 ms |"
                .formatted(settings.portfolio(), clients, clients == 1 ? "" : "s", svc.perSecond(), svc.p50Millis(),
                        svc.p99Millis()));
    }

    private void rebuild(String admin) {
        long start = System.nanoTime();
        var answer = expect(200, load.send(HttpRequest.newBuilder(load.uri("/admin/projections/rebuild"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build()));
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = Long.parseLong(answer.body().replaceAll(".*\"events\":([0-9]+).*", "$1"));
        long partnerships = Long.parseLong(answer.body().replaceAll(".*\"partnerships\":([0-9]+).*", "$1"));
        rows.add("| full rebuild of the read models: %,d events, %,d partnerships | %,.0f events/s (%.1f s) | | | >= 50,000 events/s |"
                .formatted(events, partnerships, events / seconds, seconds));
    }

    private void relayThroughput(String admin, String bootstrap) throws Exception {
        long total;
        try (var c = LocalInfrastructure.connect(); var s = c.createStatement();
                var r = s.executeQuery("select count(*) from events")) {
            r.next();
            total = r.getLong(1);
        }
        try (var delivery = new Delivery(bootstrap, Topics.EVENTS)) {
            long start = System.nanoTime();
            expect(200, load.send(HttpRequest.newBuilder(load.uri("/admin/relay/replay?fromPosition=1"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build()));
            boolean all = delivery.awaitReceived(total, Duration.ofMinutes(10));
            double seconds = (delivery.lastReceivedNanos() - start) / 1e9;
            rows.add("| relay, whole log published again (replay from position 1) | %,.0f events/s (%,d events in %.1f s%s) | | | >= the append rate |"
                    .formatted(delivery.received() / seconds, delivery.received(), seconds, all ? "" : ", INCOMPLETE"));
        }
    }

    private void row(String what, Load.Stats service, Load.Stats pgbench, String target) {
        if (service.failures() > 0) {
            log("%s: %d failures, the first: %s", what, service.failures(), service.firstFailure());
        }
        rows.add("| %s | %,.0f/s, p50 %.1f ms, p99 %.1f ms | %,.0f/s, p50 %.1f ms, p99 %.1f ms | %.2fx | %s |".formatted(
                what, service.perSecond(), service.p50Millis(), service.p99Millis(), pgbench.perSecond(),
                pgbench.p50Millis(), pgbench.p99Millis(), service.perSecond() / pgbench.perSecond(), target));
        log(rows.get(rows.size() - 1));
    }

    private void report() throws Exception {
        var commit = git("rev-parse", "--short=12", "HEAD") + (git("status", "--porcelain").isBlank() ? "" : "-dirty");
        var cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
        var memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
        var text = new StringBuilder();
        text.append("# Rapport benchmark, commit ").append(commit).append('\n').append('\n');
        text.append("- When: ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append('\n');
        text.append("- Machine: %d cores (%s), %d GiB; Java %s; PostgreSQL and Kafka local, as `./mvnw quarkus:dev` starts them\n"
                .formatted(Runtime.getRuntime().availableProcessors(), cpu, Long.parseLong(memory) / 1024 / 1024,
                        System.getProperty("java.version")));
        var ticks = cpuTicks();
        text.append("- CPU time taken by the hypervisor (steal) during the run: %.0f%%\n".formatted(
                100.0 * (ticks[1] - ticksAtStart[1]) / Math.max(1, ticks[0] - ticksAtStart[0])));
        text.append("- Workload: %,d partnerships of 100 events (formation, goal, terms of reference, grant, measure, then two years of meetings, trust surveys, measurements and health checks), grown to %,d for the portfolio, rebuild and relay\n"
                .formatted(settings.partnerships(), settings.portfolio()));
        text.append("- Service JVM options: %s; environment: %s; after seeding, %d s of appends and reads unmeasured (the JIT's warm-up); each closed-loop measurement %d s after 2 s of warm-up\n\n"
                .formatted(settings.jvmOptions().isEmpty() ? "none (JVM defaults)" : String.join(" ", settings.jvmOptions()),
                        settings.environment().isEmpty() ? "nothing added" : settings.environment(), settings.warmUp(),
                        settings.seconds()));
        text.append("- Appends by how their health facts were folded (`rapport_health_folds_total`; `none`: the kept facts moved forward): %s\n\n"
                .formatted(folds()));
        text.append("| measure | service | pgbench, same SQL, same clients | service / pgbench | target |\n");
        text.append("|---|---|---|---|---|\n");
        rows.forEach(r -> text.append(r).append('\n'));
        Files.createDirectories(settings.out());
        // A run of some phases only is named after them, so it never overwrites the commit's full run.
        var phases = Settings.PHASES.stream().filter(settings::runs).toList();
        var file = settings.out().resolve(commit + (phases.equals(Settings.PHASES) ? "" : "-" + String.join("-", phases))
                + ".md");
        Files.writeString(file, text);
        System.out.println();
        System.out.println(text);
        System.out.println("written to " + file);
    }

    /** The service's count of appends by how their health facts were folded, as its metrics say. */
    private String folds() {
        try {
            var metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(service.base + "q/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            return metrics.lines().filter(l -> l.startsWith("rapport_health_folds_total{"))
                    .map(l -> l.replaceAll(".*refold=\"([a-z_]+)\".*} ", "$1 ").replaceAll("\\.0$", ""))
                    .sorted().collect(java.util.stream.Collectors.joining(", "));
        } catch (Exception e) {
            return "not read (" + e.getMessage() + ")";
        }
    }

    private static String git(String... args) throws Exception {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return out;
    }

    /** A single meeting for partnership {@code n}, with its partner's token. */
    private HttpRequest appendRequest(int n) {
        return post("/partnerships/" + ids[n] + "/events", partnerTokens[n],
                Workload.meeting(UUID.randomUUID(), n, Instant.now().toString()));
    }

    private HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(load.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path, String token) {
        var request = HttpRequest.newBuilder(load.uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.GET().build();
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().uri() + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer;
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] "
                + String.format(Locale.ROOT, format, args));
    }

    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }
}
