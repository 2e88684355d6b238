package org.rapport.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL server from binaries shipped in a Maven jar, for {@code quarkus:dev} and the
 * tests. Started once per JVM and stopped when the JVM exits; its data is thrown away.
 *
 * <p>Only on the dev-mode and test class paths (Maven scope {@code provided}): the packaged
 * application has no such class to start.
 */
public final class LocalPostgres {

    private static EmbeddedPostgres server;

    private LocalPostgres() {
    }

    public static synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the local PostgreSQL server", e);
            }
        }
        return datasourceConfig(server.getPort());
    }

    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    static Map<String, String> datasourceConfig(int port) {
        return Map.of(
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres");
    }
}
