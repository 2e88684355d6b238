package org.rapport.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The tokens dev mode made and printed, for the dashboard's one-click sign-in. Only dev mode sets
 * {@code rapport.dev.tokens}; anywhere else this answers 404, as for any unknown path.
 */
@Path("/dev/tokens")
public class DevTokensResource {

    /** A token and who it speaks for. */
    public record DevToken(String label, String token) {
    }

    private final Optional<String> tokens;

    public DevTokensResource(@ConfigProperty(name = "rapport.dev.tokens") Optional<String> tokens) {
        this.tokens = tokens;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<DevToken> tokens() {
        var configured = tokens.filter(t -> !t.isBlank()).orElseThrow(
                () -> Problems.of(ProblemType.NOT_FOUND, "Dev tokens exist only in dev mode."));
        return Arrays.stream(configured.split(";")).map(entry -> entry.split("\\|", 2))
                .filter(parts -> parts.length == 2).map(parts -> new DevToken(parts[0], parts[1])).toList();
    }
}
