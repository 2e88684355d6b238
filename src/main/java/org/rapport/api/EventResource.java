package org.rapport.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import org.rapport.eventstore.StoredEvent;
import org.rapport.ledger.Reader;
import org.rapport.ledger.Recorded;
import org.rapport.ledger.Recorder;
import org.rapport.security.Caller;
import org.rapport.security.Callers;

@Path("/partnerships/{id}/events")
@Tag(name = "Events")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.PARTNER, Caller.FUNDER, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    static final int MAX_BATCH = 100;
    static final int MAX_PAGE = 1000;

    private final Recorder recorder;
    private final Reader reader;
    private final EventRequests requests;
    private final Callers callers;

    public EventResource(Recorder recorder, Reader reader, EventRequests requests, Callers callers) {
        this.recorder = recorder;
        this.reader = reader;
        this.requests = requests;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({Caller.PARTNER, Caller.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordEvent", summary = "Record one event", description = "A flat JSON object: type, occurredAt (an instant, or "
            + "a date meaning that day UTC), optional eventId (UUID, for idempotency), correlationId, causationId, "
            + "evidenceUrl, and the type's payload fields. Unknown fields are rejected. With If-Match, the "
            + "partnership must still be at that version (412 otherwise). An eventId already stored with an "
            + "identical body returns the stored event without writing again.")
    @RequestBody(required = true, description = "One of the 32 event types after formation (see EventRequest)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "201", description = "Stored; Location is the event, ETag the new version",
            content = @Content(schema = @Schema(implementation = StoredEvent.class),
                    examples = @ExampleObject(name = "stored", value = Examples.STORED_EVENT)))
    @APIResponse(responseCode = "400", description = "Invalid without looking at the partnership",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "invalid", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such partnership, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "Breaks a rule about the partnership's state (a problem type "
            + "per rule, naming the offending id), or reuses an eventId with a different body",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(name = "rule", value = Examples.RULE_PROBLEM)))
    @APIResponse(responseCode = "412", description = "If-Match names a version the partnership has moved on from")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Uni<Response> record(@PathParam("id") UUID id, JsonNode body,
            @Parameter(description = "Strong ETag of the version the client read, e.g. \"3\"")
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes the whole request idempotent for this caller and path (kept >= 24 h)")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "A UUID carried into the event's metadata and its Kafka record, unless the event "
                    + "names its own correlationId")
            @HeaderParam(EventRequests.CORRELATION_HEADER) String correlationId,
            @Context UriInfo uri) {
        var proposal = requests.event(body).correlatedBy(EventRequests.correlationId(correlationId));
        var expected = ETags.expectedVersion(ifMatch);
        var caller = callers.current();
        var key = IdempotencyKeys.of(idempotencyKey, caller, uri.getPath(), body);
        return recorder.record(caller, id, List.of(proposal), expected, key)
                .map(recorded -> created(uri, recorded).entity(recorded.last()).build());
    }

    @POST
    @Path("batch")
    @RolesAllowed({Caller.PARTNER, Caller.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordEvents", summary = "Record 1 to 100 events atomically", description = "All or none, in the order given; "
            + "errors name the element, e.g. [2].attendees[0].orgId.")
    @RequestBody(required = true, description = "1 to 100 event requests (see EventRequest)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "batch", value = Examples.BATCH)))
    @APIResponse(responseCode = "201", description = "All stored; ETag is the new version", content = @Content(
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = StoredEvent.class)))
    @APIResponse(responseCode = "400", description = "Some event is invalid; nothing was written")
    @APIResponse(responseCode = "404", description = "No such partnership, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "Some event breaks a rule; nothing was written")
    @APIResponse(responseCode = "412", description = "If-Match names a version the partnership has moved on from")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Uni<Response> recordBatch(@PathParam("id") UUID id, JsonNode body,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(EventRequests.CORRELATION_HEADER) String correlationId,
            @Context UriInfo uri) {
        var correlation = EventRequests.correlationId(correlationId);
        var proposals = requests.batch(body, MAX_BATCH).stream().map(p -> p.correlatedBy(correlation)).toList();
        var expected = ETags.expectedVersion(ifMatch);
        var caller = callers.current();
        var key = IdempotencyKeys.of(idempotencyKey, caller, uri.getPath(), body);
        return recorder.record(caller, id, proposals, expected, key)
                .map(recorded -> created(uri, recorded).entity(recorded.events()).build());
    }

    @GET
    @Operation(operationId = "getStream", summary = "A partnership's stream", description = "Events in stream order from fromVersion "
            + "(inclusive); voided events stay, marked voided. next is the fromVersion of the following page.")
    @APIResponse(responseCode = "200", description = "A page of the stream",
            content = @Content(schema = @Schema(implementation = Reader.StreamPage.class),
                    examples = @ExampleObject(name = "page", value = Examples.STREAM_PAGE)))
    @APIResponse(responseCode = "404", description = "No such partnership, or not one the caller may see")
    public Uni<Reader.StreamPage> stream(@PathParam("id") UUID id,
            @QueryParam("fromVersion") @DefaultValue("1") long fromVersion,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (fromVersion < 1) {
            throw Problems.invalid("fromVersion", "must be at least 1");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw Problems.invalid("limit", "must be 1 to " + MAX_PAGE);
        }
        return reader.stream(callers.current(), id, fromVersion, limit);
    }

    @GET
    @Path("{eventId}")
    @Operation(operationId = "getEvent", summary = "One stored event", description = "An event of this "
            + "partnership's stream by its id, in the current schema version of its type, voided or not.")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(
            schema = @Schema(implementation = StoredEvent.class),
            examples = @ExampleObject(name = "stored", value = Examples.STORED_EVENT)))
    @APIResponse(responseCode = "404", description = "No such event in a partnership the caller may see")
    public Uni<StoredEvent> event(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId) {
        return reader.event(callers.current(), id, eventId);
    }

    private static Response.ResponseBuilder created(UriInfo uri, Recorded recorded) {
        var last = recorded.last();
        return Response.created(uri.getBaseUriBuilder().path("partnerships").path(last.partnershipId().toString())
                .path("events").path(last.eventId().toString()).build())
                .header("ETag", ETags.of(last.version()));
    }
}
