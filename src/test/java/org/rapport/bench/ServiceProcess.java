package org.rapport.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The packaged service in a process of its own: how long it takes to become ready and how much
 * resident memory it holds, sampled from /proc while the benchmark runs.
 */
final class ServiceProcess implements AutoCloseable {

    final Process process;
    final URI base;
    final double startupSeconds;
    final Path log;
    private final AtomicLong peakRssKb = new AtomicLong();
    private final Thread sampler;

    private ServiceProcess(Process process, URI base, double startupSeconds, Path log) {
        this.process = process;
        this.base = base;
        this.startupSeconds = startupSeconds;
        this.log = log;
        this.sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (process.isAlive()) {
                long rss = rssKb();
                peakRssKb.accumulateAndGet(rss, Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static ServiceProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment,
            Map<String, String> config, Path log)
            throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        long spawned = System.nanoTime();
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        var process = builder.start();
        var base = URI.create("http://localhost:" + port + "/");
        var http = HttpClient.newHttpClient();
        long deadline = spawned + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var answer = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return new ServiceProcess(process, base, (System.nanoTime() - spawned) / 1e9, log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the service did not become ready; see " + log);
    }

    /** Resident memory now, from /proc (Linux). */
    long rssKb() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException gone) {
            return 0;
        }
    }

    long peakRssKb() {
        return peakRssKb.get();
    }

    /** The start-up time Quarkus itself logged ("started in 1.234s"), if it did. */
    String loggedStartup() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("started in"))
                .map(l -> l.replaceAll(".*started in ([0-9.]+s).*", "$1")).findFirst().orElse("?");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        sampler.interrupt();
    }
}
