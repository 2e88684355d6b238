package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged application cannot start local servers: it does not contain them. */
class PackagedApplicationIT {

    @Test
    void the_packaged_jar_carries_no_local_postgres_binaries() throws IOException {
        var lib = Path.of("target", "quarkus-app", "lib");
        assertThat(lib).isDirectory();
        try (Stream<Path> jars = Files.walk(lib)) {
            var names = jars.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.contains("vertx-pg-client"));
            assertThat(names).noneMatch(n -> n.contains("zonky"));
        }
    }
}
