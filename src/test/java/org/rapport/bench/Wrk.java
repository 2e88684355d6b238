package org.rapport.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * wrk (Debian's package), for load at rates where a load generator on the JVM would take much of
 * the machine's CPU from the service it measures (measured: three quarters of a core for a few
 * hundred requests a second, with the Kafka broker), while pgbench's client is C.
 */
final class Wrk {

    private final Path executable;
    private final Path dir;

    private Wrk(Path executable, Path dir) {
        this.executable = executable;
        this.dir = dir;
    }

    static Optional<Wrk> find(Path dir) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .map(p -> Path.of(p, "wrk")).filter(Files::isExecutable).findFirst().map(p -> new Wrk(p, dir));
    }

    /** GETs {@code paths} in turn over {@code connections} connections for {@code seconds}. */
    Load.Stats get(URI base, List<String> paths, String token, int connections, int seconds)
            throws IOException, InterruptedException {
        var lua = new StringBuilder("local paths = {\n");
        paths.forEach(p -> lua.append("  \"").append(p).append("\",\n"));
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n")
                .append("  return wrk.format(\"GET\", paths[(i % #paths) + 1], {[\"Authorization\"] = \"Bearer ")
                .append(token).append("\"})\nend\n");
        return run(base, "paths.lua", lua.toString(), connections, seconds);
    }

    /**
     * POSTs a single meeting to partnership {@code n}'s stream, {@code n} drawn at random from 1 to
     * {@code ids.size()}, with that partnership's partner token, over {@code connections}
     * connections for {@code seconds}. The body is {@link Workload#meeting}'s, without an event id
     * (the service draws one), occurring at the moment it is sent.
     */
    Load.Stats appendMeetings(URI base, List<java.util.UUID> ids, List<String> tokens, int connections, int seconds)
            throws IOException, InterruptedException {
        var lua = new StringBuilder("local ids = {\n");
        ids.forEach(id -> lua.append("  \"").append(id).append("\",\n"));
        lua.append("}\nlocal tokens = {\n");
        tokens.forEach(t -> lua.append("  \"").append(t).append("\",\n"));
        var body = Workload.meeting(new java.util.UUID(0, 0), 0, "AT").replaceAll("\\s+", " ")
                .replace("\"eventId\": \"" + new java.util.UUID(0, 0) + "\", ", "")
                .replace("\"", "\\\"").replace("AT", "\" .. os.date(\"!%Y-%m-%dT%H:%M:%SZ\") .. \"")
                .replace(Workload.org(0, 'a'), "\" .. o .. \"a").replace(Workload.org(0, 'b'), "\" .. o .. \"b")
                .replace(Workload.org(0, 'c'), "\" .. o .. \"c");
        lua.append("}\nmath.randomseed(os.time())\nrequest = function()\n")
                .append("  local n = math.random(#ids)\n")
                .append("  local o = \"").append(Workload.org(0, 'a').replace("0-a", "")).append("\" .. n .. \"-\"\n")
                .append("  local body = \"").append(body).append("\"\n")
                .append("  return wrk.format(\"POST\", \"/partnerships/\" .. ids[n] .. \"/events\", ")
                .append("{[\"Authorization\"] = \"Bearer \" .. tokens[n], [\"Content-Type\"] = \"application/json\"}, body)\n")
                .append("end\n");
        return run(base, "appends.lua", lua.toString(), connections, seconds);
    }

    private Load.Stats run(URI base, String scriptName, String lua, int connections, int seconds)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        var script = dir.resolve(scriptName);
        Files.writeString(script, lua);
        var command = List.of(executable.toString(), "-t", Integer.toString(Math.min(2, connections)), "-c",
                Integer.toString(connections), "-d", seconds + "s", "--latency", "-s", script.toString(),
                base.toString());
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || !output.contains("Requests/sec:")) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        var rate = Double.parseDouble(value(output, "Requests/sec:\\s+([0-9.]+)"));
        var total = Long.parseLong(value(output, "([0-9]+) requests in"));
        var bad = output.contains("Non-2xx") ? Long.parseLong(value(output, "Non-2xx or 3xx responses: ([0-9]+)")) : 0;
        var errors = output.contains("Socket errors") ? output.replaceAll("(?s).*(Socket errors[^\n]*).*", "$1") : null;
        return new Load.Stats(total - bad, bad, errors, rate, millis(value(output, "50%\\s+([0-9.]+[a-z]+)")),
                millis(value(output, "99%\\s+([0-9.]+[a-z]+)")));
    }

    private static String value(String output, String regex) {
        var m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + output);
        }
        return m.group(1);
    }

    static double millis(String duration) {
        var number = Double.parseDouble(duration.replaceAll("[a-z]+$", ""));
        return switch (duration.replaceAll("^[0-9.]+", "")) {
            case "us" -> number / 1_000;
            case "ms" -> number;
            case "s" -> number * 1_000;
            case "m" -> number * 60_000;
            default -> throw new IllegalArgumentException(duration);
        };
    }
}
