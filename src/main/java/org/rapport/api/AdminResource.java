package org.rapport.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.health.Reassessment;
import org.rapport.health.Rebuild;
import org.rapport.security.Caller;

@Path("/admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Rebuild rebuild;
    private final Reassessment reassessment;

    public AdminResource(Rebuild rebuild, Reassessment reassessment) {
        this.rebuild = rebuild;
        this.reassessment = reassessment;
    }

    /** How many partnerships a reassessment refreshed (null: another instance was running one). */
    public record Reassessed(Integer partnerships) {
    }

    @POST
    @Path("projections/rebuild")
    @Operation(summary = "Rebuild every read model from the log", description = "Folds each partnership's "
            + "stream again into its state and assesses its health again, in batches; answers when done.")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(
            schema = @Schema(implementation = Rebuild.Result.class)))
    public Uni<Rebuild.Result> rebuild() {
        return rebuild.all();
    }

    @POST
    @Path("health/reassess")
    @Operation(summary = "Run today's health reassessment now", description = "What the daily job does: every "
            + "partnership not yet assessed today is assessed again, on one instance at a time.")
    @APIResponse(responseCode = "200", description = "Done")
    public Uni<Reassessed> reassess() {
        return reassessment.reassessAll().map(Reassessed::new);
    }
}
