package org.rapport.devstack;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev mode only: the last lines a newcomer sees, once the service is ready: where the dashboard
 * and Swagger UI are, and the tokens to sign in with.
 */
@IfBuildProfile("dev")
public class DevWelcome {

    private static final Logger LOG = Logger.getLogger("rapport");

    void welcome(@Observes @Priority(Integer.MAX_VALUE) StartupEvent start, Vertx vertx,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port,
            @ConfigProperty(name = "rapport.dev.tokens") Optional<String> tokens) {
        var base = "http://localhost:" + port;
        var lines = new StringBuilder()
                .append("\n\nRapport is ready.\n")
                .append("  Dashboard:   ").append(base).append("/  (one click signs in with a token below)\n")
                .append("  Swagger UI:  ").append(base).append("/q/swagger-ui\n")
                .append("  Tokens, valid 12 hours (curl -H \"Authorization: Bearer <token>\" ").append(base)
                .append("/partnerships):\n");
        tokens.ifPresent(all -> {
            for (var entry : all.split(";")) {
                var parts = entry.split("\\|", 2);
                lines.append("    ").append(String.format("%-36s", parts[0] + ":")).append(parts[1]).append('\n');
            }
        });
        // After Quarkus's own start-up lines, which follow the start-up observers.
        vertx.setTimer(300, id -> LOG.info(lines));
    }
}
