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
 * wrk (Debian's package), for reads at rates where a load generator on the JVM would take much of
 * the machine's CPU from the service it measures.
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
        Files.createDirectories(dir);
        var script = dir.resolve("paths.lua");
        var lua = new StringBuilder("local paths = {\n");
        paths.forEach(p -> lua.append("  \"").append(p).append("\",\n"));
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n")
                .append("  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
        Files.writeString(script, lua);
        var command = List.of(executable.toString(), "-t", Integer.toString(Math.min(2, connections)), "-c",
                Integer.toString(connections), "-d", seconds + "s", "--latency", "-H", "Authorization: Bearer " + token,
                "-s", script.toString(), base.toString());
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
