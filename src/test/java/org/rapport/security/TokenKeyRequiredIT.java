package org.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;

/** The packaged service will not run without a way to verify tokens. */
class TokenKeyRequiredIT {

    @Test
    void the_packaged_jar_refuses_to_start_without_a_verification_key() throws Exception {
        var config = new HashMap<>(new LocalInfrastructure().start());
        config.keySet().removeIf(k -> k.startsWith("mp.jwt."));
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.port=0");
        command.add("-Drapport.kafka.relay-enabled=false");
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        var log = Path.of("target", "no-key.log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the service stops by itself").isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(Files.readString(log)).contains("No token verification key is configured");
        } finally {
            process.destroyForcibly();
        }
    }
}
