package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged application cannot start local servers (PostgreSQL, Kafka): it does not contain them. */
class PackagedApplicationIT {

    @Test
    void the_packaged_jar_carries_no_local_postgres_or_kafka_broker() throws IOException {
        var lib = Path.of("target", "quarkus-app", "lib");
        assertThat(lib).isDirectory();
        try (Stream<Path> jars = Files.walk(lib)) {
            var names = jars.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.contains("vertx-pg-client"));
            assertThat(names).anyMatch(n -> n.contains("kafka-clients"));
            assertThat(names).noneMatch(n -> n.contains("zonky"));
            assertThat(names).noneMatch(n -> n.contains("kafka_2.13") || n.contains("kafka-server")
                    || n.contains("kafka-test-companion"));
        }
    }
}
