package org.rapport.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.rapport.domain.health.AlertCode;
import org.rapport.domain.health.HealthParams;
import org.rapport.security.Caller;

@Path("/health-model")
@Tag(name = "Health")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.PARTNER, Caller.FUNDER, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class HealthModelResource {

    /** An alert code and what it means in plain words. */
    public record AlertLabel(AlertCode code, String label) {
    }

    /** The same for every version of the model: codes are never reused with another meaning. */
    private static final List<AlertLabel> ALERTS = Arrays.stream(AlertCode.values())
            .map(code -> new AlertLabel(code, code.label())).toList();

    // A literal segment matches before the {paramsVersion} template, so no model version may be named "alerts".
    @GET
    @Path("alerts")
    @Operation(operationId = "listAlertCodes", summary = "The alerts the health model raises, in plain words",
            description = "Every alert code with a short phrase a partnership manager understands, for badges, "
                    + "filters and legends, in the model's order.")
    @APIResponse(responseCode = "200", description = "Every alert code and its label", content = @Content(
            schema = @Schema(implementation = AlertLabel.class, type = SchemaType.ARRAY)))
    public List<AlertLabel> alerts() {
        return ALERTS;
    }

    @GET
    @Path("{paramsVersion}")
    @Operation(operationId = "getHealthModel", summary = "The parameter set that produced a score", description = "Every weight, window, "
            + "half-life and cap of the health model under this version, so any score can be recomputed.")
    @APIResponse(responseCode = "200", description = "The parameters", content = @Content(
            schema = @Schema(implementation = HealthParams.class)))
    @APIResponse(responseCode = "404", description = "No such version")
    public HealthParams model(@PathParam("paramsVersion") String version) {
        return HealthParams.byVersion(version)
                .orElseThrow(() -> Problems.of(ProblemType.NOT_FOUND, "No health model version " + version + "."));
    }
}
