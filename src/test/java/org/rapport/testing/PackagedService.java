package org.rapport.testing;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged service (target/quarkus-app) in a process of its own, for tests that need more than
 * one instance, or an instance they can kill and start again.
 */
public final class PackagedService implements AutoCloseable {

    private final Map<String, String> config;
    private final int port;
    private final String name;
    private final Http http;
    private Process process;

    private PackagedService(Map<String, String> config, int port, String name) {
        this.config = Map.copyOf(config);
        this.port = port;
        this.name = name;
        this.http = new Http(URI.create("http://localhost:" + port + "/"));
    }

    /**
     * The local PostgreSQL and Kafka's settings, with a database of its own (created here) so that
     * what a test writes meets nothing another test wrote.
     */
    public static Map<String, String> freshDatabase(String prefix) throws Exception {
        var config = new HashMap<>(new LocalInfrastructure().start());
        var database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = LocalInfrastructure.connect(); var create = connection.createStatement()) {
            create.execute("create database " + database);
        }
        config.replaceAll((k, v) -> k.startsWith("quarkus.datasource.") && k.endsWith(".url")
                ? v.replace("/postgres", "/" + database) : v);
        return config;
    }

    /** Starts an instance and waits until it is ready. */
    public static PackagedService launch(String name, Map<String, String> config) throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var service = new PackagedService(config, port, name);
        service.start();
        return service;
    }

    /** Starts this instance again on the same port and settings, after {@link #kill()}. */
    public void start() throws Exception {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", name + "-" + port + ".log")
                        .toFile()))
                .start();
        var deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (http.getText("/q/health/ready").contains("UP")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the packaged service " + name + " did not start; see its log in target/");
    }

    public Http http() {
        return http;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
