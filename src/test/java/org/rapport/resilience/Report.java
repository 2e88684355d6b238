package org.rapport.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the resilience suite tried and what it found, printed at the end and written to
 * {@code target/resilience/<commit>.md}.
 */
final class Report {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong faults = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong outageAnswers = new AtomicLong();
    private final List<String> scenarios = new ArrayList<>();
    private final String scale;

    Report(String scale) {
        this.scale = scale;
    }

    synchronized void scenario(String name, String outcome) {
        scenarios.add("| " + name + " | " + outcome + " |");
    }

    synchronized String render() {
        var out = new StringBuilder();
        out.append("Resilience suite (").append(scale).append("), commit ").append(commit()).append("\n\n");
        out.append("| scenario | outcome |\n|---|---|\n");
        scenarios.forEach(s -> out.append(s).append('\n'));
        out.append("\n| summary | |\n|---|---|\n");
        out.append("| requests tried | ").append(String.format("%,d", requests.get())).append(" |\n");
        out.append("| faults injected | ").append(faults.get()).append(" |\n");
        out.append("| events acknowledged (201) | ").append(String.format("%,d", acknowledged.get())).append(" |\n");
        out.append("| acknowledged events lost | ").append(lost.get()).append(" |\n");
        out.append("| 503 with Retry-After while the database was down | ").append(String.format("%,d", outageAnswers.get())).append(" |\n");
        out.append("| other 5xx answers | ").append(serverErrors.get()).append(" |\n");
        return out.toString();
    }

    void write() throws IOException {
        var text = render();
        System.out.println(text);
        var dir = Path.of("target", "resilience");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(commit() + ".md"), text);
    }

    static String commit() {
        try {
            var head = git("rev-parse", "--short=12", "HEAD");
            return git("status", "--porcelain").isBlank() ? head : head + "-dirty";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String git(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add("git");
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return out;
    }
}
