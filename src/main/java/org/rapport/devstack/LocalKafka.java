package org.rapport.devstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real single-node Kafka broker (KRaft), in process, for {@code quarkus:dev} and the tests.
 * It can be stopped and started again on the same port and log directory, as a broker outage
 * would look to the service. Only on the dev-mode and test class paths.
 */
public final class LocalKafka {

    private static EmbeddedKafkaBroker broker;
    private static int port;
    private static int controllerPort;
    private static Path logDir;
    private static String clusterId;

    private LocalKafka() {
    }

    /** Starts the broker (once per JVM) and answers its bootstrap servers. */
    public static synchronized String start() {
        if (broker == null) {
            try {
                port = freePort();
                controllerPort = freePort();
                logDir = Files.createTempDirectory("rapport-kafka");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            launch();
            clusterId = broker.getClusterId();
        }
        return bootstrapServers();
    }

    public static synchronized String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the broker, keeping its port and log directory for {@link #restart()}. */
    public static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public static synchronized void restart() {
        if (broker == null) {
            launch();
        }
    }

    private static void launch() {
        var b = new EmbeddedKafkaBroker().withNodeId(1).withKafkaPort(port).withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", logDir.toString());
                    p.put("num.partitions", "6");
                    p.put("offsets.topic.replication.factor", "1");
                    p.put("transaction.state.log.replication.factor", "1");
                    p.put("transaction.state.log.min.isr", "1");
                    p.put("group.initial.rebalance.delay.ms", "0");
                });
        if (clusterId != null) {
            b.withClusterId(clusterId);
        }
        broker = b.start();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
