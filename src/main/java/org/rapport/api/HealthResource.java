package org.rapport.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.health.HealthView;
import org.rapport.ledger.HealthQueries;
import org.rapport.ledger.Recorder;
import org.rapport.security.Caller;
import org.rapport.security.Callers;

@Path("/partnerships/{id}/health")
@Tag(name = "Health")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.PARTNER, Caller.FUNDER, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final HealthQueries queries;
    private final Recorder recorder;
    private final EventRequests requests;
    private final Callers callers;
    private final Clock clock;

    public HealthResource(HealthQueries queries, Recorder recorder, EventRequests requests, Callers callers,
            Clock clock) {
        this.queries = queries;
        this.recorder = recorder;
        this.requests = requests;
        this.callers = callers;
        this.clock = clock;
    }

    /** A health history: the scores at each step. */
    public record History(Instant from, Instant to, String step, List<HealthView.Point> points) {
    }

    @GET
    @Operation(operationId = "getHealth", summary = "A partnership's health", description = "Six dimensions (trust, alignment, governance, "
            + "sustainability, engagement, momentum), each 0-100 or null with its confidence, the reasons behind "
            + "it (naming the events) and the terms not yet assessed; the overall score, alerts with a prompt each, "
            + "and the status. asOf answers from the events that had occurred by then (a date means the end of "
            + "that day, UTC); knownAt also ignores what was recorded after it: what the view said at that time.")
    @APIResponse(responseCode = "200", description = "The health", content = @Content(
            schema = @Schema(implementation = HealthView.class),
            examples = @ExampleObject(name = "health", value = Examples.HEALTH)))
    @APIResponse(responseCode = "404", description = "No such partnership, or not one the caller may see")
    public Uni<Object> health(@PathParam("id") UUID id,
            @Parameter(description = "A date (end of that day, UTC) or an instant; default now")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Ignore events recorded after this date or instant")
            @QueryParam("knownAt") String knownAt) {
        var caller = callers.current();
        var asOfMoment = Moments.parse("asOf", asOf);
        var knownAtMoment = Moments.parse("knownAt", knownAt);
        if (asOfMoment == null && knownAtMoment == null) {
            return queries.current(caller, id);
        }
        return queries.at(caller, id, asOfMoment == null ? clock.instant() : asOfMoment, knownAtMoment)
                .map(view -> (Object) view);
    }

    @POST
    @Path("preview")
    @RolesAllowed({Caller.PARTNER, Caller.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "previewHealth", summary = "The health some events would lead to", description = "What would change if these events "
            + "were recorded now: the body is the same as for POST /partnerships/{id}/events/batch (1 to 100 events, "
            + "for example a next step's events), validated and decided against the partnership's state exactly as "
            + "that append would be, with the same refusals; a void removes its target. Nothing is stored or "
            + "published and no Idempotency-Key is remembered. Events already stored with the same eventId and body "
            + "are already in the stream: the answer is then the health now. Funders may not preview.")
    @RequestBody(required = true, description = "1 to 100 event requests (see EventRequest)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "batch", value = Examples.BATCH)))
    @APIResponse(responseCode = "200", description = "The health the partnership would have now with these events "
            + "recorded", content = @Content(schema = @Schema(implementation = HealthView.class),
                    examples = @ExampleObject(name = "health", value = Examples.HEALTH)))
    @APIResponse(responseCode = "400", description = "Some event is invalid without looking at the partnership, as "
            + "the append would answer", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "HttpProblem"),
                    examples = @ExampleObject(name = "invalid", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "403", description = "The caller is a funder: funders read, they do not record")
    @APIResponse(responseCode = "404", description = "No such partnership, or not one the caller may record in")
    @APIResponse(responseCode = "409", description = "Some event breaks a rule about the partnership's state (a "
            + "problem type per rule, naming the offending id), or reuses an eventId with a different body",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "HttpProblem"),
                    examples = @ExampleObject(name = "rule", value = Examples.RULE_PROBLEM)))
    @APIResponse(responseCode = "412", description = "If-Match names a version the partnership has moved on from")
    public Uni<HealthView> preview(@PathParam("id") UUID id, JsonNode body,
            @Parameter(description = "Strong ETag of the version the client read, e.g. \"3\"")
            @HeaderParam("If-Match") String ifMatch) {
        var proposals = requests.batch(body, EventResource.MAX_BATCH);
        return recorder.preview(callers.current(), id, proposals, ETags.expectedVersion(ifMatch)).map(HealthView::of);
    }

    @GET
    @Path("history")
    @Operation(operationId = "getHealthHistory", summary = "A partnership's health over time", description = "The overall score, the six "
            + "dimension scores, the status and alert codes at to and at each whole step (P1D, P1W or P1M, default "
            + "P1M) back from it, each counted from to itself (from the 31st a month back is the last day of a "
            + "shorter month), down to from (default a year before to); in ascending time order, the last point "
            + "at to; at most 400 points.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(
            schema = @Schema(implementation = History.class)))
    @APIResponse(responseCode = "400", description = "Bad dates or step, from after to, or more than 400 points")
    public Uni<History> history(@PathParam("id") UUID id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("step") String step) {
        var toMoment = to == null ? clock.instant() : Moments.parse("to", to);
        var period = Moments.step(step);
        var fromMoment = from == null ? toMoment.atZone(java.time.ZoneOffset.UTC).minusYears(1).toInstant()
                : Moments.parse("from", from);
        if (fromMoment.isAfter(toMoment)) {
            throw Problems.invalid("from", "must not be after to");
        }
        if (HealthQueries.moments(fromMoment, toMoment, period, HealthQueries.MAX_POINTS + 1).size()
                > HealthQueries.MAX_POINTS) {
            throw Problems.invalid("step", "gives more than " + HealthQueries.MAX_POINTS
                    + " points between from and to");
        }
        var stepName = step == null ? "P1M" : step;
        return queries.history(callers.current(), id, fromMoment, toMoment, period)
                .map(list -> new History(fromMoment, toMoment, stepName, list));
    }
}
