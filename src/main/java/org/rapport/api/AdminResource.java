package org.rapport.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.health.Reassessment;
import org.rapport.health.Rebuild;
import org.rapport.publish.EventRelay;
import org.rapport.security.Caller;

@Path("/admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Rebuild rebuild;
    private final Reassessment reassessment;
    private final EventRelay relay;

    public AdminResource(Rebuild rebuild, Reassessment reassessment, EventRelay relay) {
        this.rebuild = rebuild;
        this.reassessment = reassessment;
        this.relay = relay;
    }

    /** How many partnerships a reassessment refreshed (null: another instance was running one). */
    public record Reassessed(Integer partnerships) {
    }

    @POST
    @Path("projections/rebuild")
    @Operation(operationId = "rebuildReadModels", summary = "Rebuild every read model from the log", description = "Folds each partnership's "
            + "stream again into its state and assesses its health again, in batches; answers when done.")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(
            schema = @Schema(implementation = Rebuild.Result.class)))
    public Uni<Rebuild.Result> rebuild() {
        return rebuild.all();
    }

    /** Where the relay will publish from. */
    public record Replay(long fromPosition, String cursor) {
    }

    @POST
    @Path("relay/replay")
    @Operation(operationId = "replayRelay", summary = "Publish the log to Kafka again from a position", description = "The relay moves back to "
            + "just before the event at fromPosition and publishes everything from there on again (in the "
            + "feed's order). Consumers deduplicate by ce_id.")
    @APIResponse(responseCode = "200", description = "The relay will publish from there")
    @APIResponse(responseCode = "400", description = "fromPosition is missing or below 1")
    public Uni<Replay> replay(@QueryParam("fromPosition") Long fromPosition) {
        if (fromPosition == null || fromPosition < 1) {
            throw Problems.invalid("fromPosition", "must be a position of the log, 1 or more");
        }
        return relay.replayFrom(fromPosition).map(cursor -> new Replay(fromPosition, cursor.encode()));
    }

    @POST
    @Path("health/reassess")
    @Operation(operationId = "reassessHealth", summary = "Run today's health reassessment now", description = "What the daily job does: every "
            + "partnership not yet assessed today is assessed again, on one instance at a time.")
    @APIResponse(responseCode = "200", description = "Done")
    public Uni<Reassessed> reassess() {
        return reassessment.reassessAll().map(Reassessed::new);
    }
}
