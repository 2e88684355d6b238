package org.rapport.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL server of a test's own that it can stop and start again on the same port and data
 * directory, as an outage of the database looks to the service.
 */
public final class StoppablePostgres implements AutoCloseable {

    private final int port;
    private final Path data;
    private EmbeddedPostgres server;

    public StoppablePostgres() throws IOException {
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.data = Files.createTempDirectory("rapport-pg-outage");
        start();
    }

    public synchronized void start() throws IOException {
        if (server == null) {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100").setServerConfig("fsync", "on").start();
        }
    }

    /** A fast shutdown: open connections are cut, as when the server goes away. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The service's datasource settings for this server. */
    public Map<String, String> datasource() {
        return Map.of("quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres",
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
