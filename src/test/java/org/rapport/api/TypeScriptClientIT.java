package org.rapport.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Tokens;

/**
 * The contract as a TypeScript client team uses it: src/test/typescript/story.ts, compiled with tsc
 * --strict by the build together with the client generated from openapi/ (typescript-fetch), forms a
 * partnership, records a MeetingHeld and reads the health through that client only, run by Node
 * against the packaged service on real PostgreSQL and Kafka.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(LocalInfrastructure.class)
class TypeScriptClientIT {

    /** Where tsc (process-test-classes, tsconfig.json's outDir) puts the compiled story. */
    private static final Path STORY = Path.of("target", "typescript-build", "src", "test", "typescript", "story.js");

    @Test
    void the_generated_typescript_client_forms_records_and_reads_health() throws Exception {
        assertThat(STORY).as("compiled by ./mvnw process-test-classes").exists();
        var log = Path.of("target", "typescript-story.log");
        var process = new ProcessBuilder("node", STORY.toString(), "http://localhost:" + RestAssured.port,
                Tokens.partner("respect"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        var output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("node story.js finished within 2 minutes:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("node story.js exit code:%n%s", output).isZero();
        assertThat(output)
                .containsPattern("(?m)^partnership: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
                .containsPattern("(?m)^version: 1$")
                .containsPattern("(?m)^event: MeetingHeld [0-9a-f-]{36} version 2$")
                .containsPattern("(?m)^health: (GREEN|AMBER|RED|NOT_ENOUGH_DATA)$");
    }
}
