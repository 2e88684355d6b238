package org.rapport.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.domain.Partnership;
import org.rapport.domain.PartnershipFormed;
import org.rapport.domain.PartnershipType;
import org.rapport.domain.Sector;
import org.rapport.domain.health.Health;
import org.rapport.ledger.Portfolio;
import org.rapport.ledger.Reader;
import org.rapport.ledger.Recorder;
import org.rapport.security.Caller;
import org.rapport.security.AccessPolicy;
import org.rapport.security.Callers;

@Path("/partnerships")
@Tag(name = "Partnerships")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.PARTNER, Caller.FUNDER, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PartnershipResource {

    private final Recorder recorder;
    private final Reader reader;
    private final EventRequests requests;
    private final Callers callers;
    private final Portfolio portfolio;
    private final AccessPolicy access;
    private final Clock clock;

    static final int MAX_PORTFOLIO_PAGE = 200;

    public PartnershipResource(Recorder recorder, Reader reader, EventRequests requests, Callers callers,
            Portfolio portfolio, AccessPolicy access, Clock clock) {
        this.recorder = recorder;
        this.reader = reader;
        this.requests = requests;
        this.callers = callers;
        this.portfolio = portfolio;
        this.access = access;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Caller.PARTNER, Caller.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "formPartnership", summary = "Form a partnership", description = "Records a PartnershipFormed event as version 1 of a "
            + "new stream. A partner's own organisation (token claim org_id) must be among the founding partners. "
            + "occurredAt (an instant or a date) defaults to now; eventId (a UUID) makes the request idempotent.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PartnershipFormed.class),
            examples = @ExampleObject(name = "Drive", value = Examples.PARTNERSHIP_FORMED)))
    @APIResponse(responseCode = "201", description = "Formed; Location is the partnership, ETag \"1\"",
            content = @Content(schema = @Schema(implementation = Partnership.class),
                    examples = @ExampleObject(name = "formed", value = Examples.FORMED)))
    @APIResponse(responseCode = "400", description = "Invalid", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "invalid",
                    value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "403", description = "The caller's organisation is not a founder")
    @APIResponse(responseCode = "409", description = "The eventId is already stored with a different body")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Uni<Response> form(JsonNode body,
            @Parameter(description = "Makes the whole request idempotent for this caller and path (kept >= 24 h)")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(EventRequests.CORRELATION_HEADER) String correlationId,
            @Context UriInfo uri) {
        var proposal = requests.formation(body).correlatedBy(EventRequests.correlationId(correlationId));
        var caller = callers.current();
        var key = IdempotencyKeys.of(idempotencyKey, caller, "/partnerships", body);
        return recorder.form(caller, proposal, key).map(recorded -> Response
                .created(uri.getBaseUriBuilder().path("partnerships").path(recorded.partnership().id().toString())
                        .build())
                .header("ETag", ETags.of(recorded.last().version()))
                .entity(recorded.partnership()).build());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PortfolioCsv.MEDIA_TYPE})
    @Operation(operationId = "listPartnerships", summary = "The portfolio", description = "The partnerships the caller may see, with their health "
            + "summary: status, scores, alert codes and the most severe open alert in plain words (by severity, "
            + "then code; null when none is open). Filters: status, type (partnership type), sector, funderId, "
            + "alert (an alert code). Sort: name (default), overall, -overall, or attention (triage: RED, then "
            + "AMBER, not enough data, GREEN, paused, closed; within a status the most severe alert first, then the "
            + "lower overall). Paged: pass next as cursor; next is null on the last page. With asOf (a date, not "
            + "after today), each partnership formed by then is assessed as of the end of that day exactly as "
            + "GET /partnerships/{id}/health?asOf= answers it, and the status and alert filters and the sorts apply "
            + "to that health (assessedAt is that moment; version stays the stream's version now). Such a listing "
            + "assesses every partnership the caller may see that passes the other filters (type, sector, "
            + "funderId), at most " + Portfolio.MAX_ASSESSED + " of them: beyond that it answers 400, asking to "
            + "narrow those filters. With Accept: text/csv (preferred to JSON), the whole listing as CSV, for a "
            + "spreadsheet: the same filters, asOf, sort and scope, every row from the first (limit is ignored and "
            + "a cursor refused); a header row, then per partnership id, name, type, status, overall, the six "
            + "dimension scores, the most severe alert's label and severity, all alert codes separated by ; and "
            + "assessedAt (an empty cell: not assessed, or none). Text cells are quoted; one that begins with =, "
            + "+, -, @, a tab or a line break starts with an apostrophe, so that no spreadsheet runs it as a "
            + "formula. Errors are problem+json whatever the Accept.")
    @APIResponse(responseCode = "200", description = "A page of the portfolio, or the whole of it as CSV",
            headers = @Header(name = "Content-Disposition", description = "With text/csv: attachment; "
                    + "filename=\"rapport-portfolio-<asOf, or today>.csv\"", schema = @Schema(type = SchemaType.STRING)),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Portfolio.Page.class)),
                @Content(mediaType = PortfolioCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "export", value = Examples.PORTFOLIO_CSV))})
    @APIResponse(responseCode = "400", description = "An unknown filter value, sort, limit or cursor; an asOf that "
            + "is not a date or is after today; with asOf, more than " + Portfolio.MAX_ASSESSED
            + " partnerships to assess; a cursor with text/csv")
    public Uni<Response> portfolio(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("sector") String sector, @QueryParam("funderId") String funderId,
            @QueryParam("alert") String alert, @QueryParam("sort") @DefaultValue("name") String sort,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("cursor") String cursor,
            @Parameter(description = "A date (2026-05-01), not after today: the portfolio as of the end of that day, "
                    + "UTC; default now, from the stored health")
            @QueryParam("asOf") String asOf, @Context HttpHeaders headers) {
        oneOf("status", status, Health.Status.values());
        oneOf("type", type, PartnershipType.values());
        oneOf("sector", sector, Sector.values());
        if (limit < 1 || limit > MAX_PORTFOLIO_PAGE) {
            throw Problems.invalid("limit", "must be 1 to " + MAX_PORTFOLIO_PAGE);
        }
        var order = switch (sort) {
            case "name" -> Portfolio.Sort.NAME;
            case "overall" -> Portfolio.Sort.OVERALL;
            case "-overall" -> Portfolio.Sort.OVERALL_DESC;
            case "attention" -> Portfolio.Sort.ATTENTION;
            default -> throw Problems.invalid("sort", "must be name, overall, -overall or attention");
        };
        var asOfMoment = Moments.pastDay("asOf", asOf, clock);
        var scope = access.scope(callers.current());
        var filter = new Portfolio.Filter(status, type, sector, funderId, alert, scope.memberOrg(), scope.funderId());
        if (prefersCsv(headers)) {
            if (cursor != null && !cursor.isEmpty()) {
                throw Problems.invalid("cursor", "does not apply to the CSV export, which has every row");
            }
            var day = (asOfMoment == null ? clock.instant() : asOfMoment).atZone(ZoneOffset.UTC).toLocalDate();
            return assessable(portfolio.all(filter, order, asOfMoment)).map(entries -> Response
                    .ok(PortfolioCsv.write(entries), PortfolioCsv.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"rapport-portfolio-" + day + ".csv\"")
                    .build());
        }
        Uni<Portfolio.Page> page;
        try {
            page = portfolio.list(filter, order, asOfMoment, limit, cursor);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("cursor", "is not a cursor of this listing");
        }
        return assessable(page).map(p -> Response.ok(p, MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** A listing as of an earlier moment that would assess too many partnerships is the caller's to narrow. */
    private static <T> Uni<T> assessable(Uni<T> listing) {
        return listing.onFailure(Portfolio.TooManyToAssess.class).transform(e -> Problems.invalid("asOf",
                "would assess more than " + Portfolio.MAX_ASSESSED + " partnerships; narrow the filters (type, "
                        + "sector, funderId)"));
    }

    /**
     * Whether the client prefers CSV to JSON: it accepts text/csv with a higher quality than any
     * type that covers JSON. A tie (no Accept, *&#47;*, or both listed alike, as generated clients
     * send them) keeps JSON.
     */
    static boolean prefersCsv(HttpHeaders headers) {
        double csv = 0;
        double json = 0;
        for (var type : headers.getAcceptableMediaTypes()) {
            double quality = quality(type);
            if (type.isCompatible(MediaType.valueOf(PortfolioCsv.MEDIA_TYPE))) {
                csv = Math.max(csv, quality);
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                json = Math.max(json, quality);
            }
        }
        return csv > json;
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void oneOf(String field, String value, Enum<?>[] allowed) {
        if (value != null && java.util.Arrays.stream(allowed).noneMatch(a -> a.name().equals(value))) {
            throw Problems.invalid(field, "must be one of " + java.util.Arrays.toString(allowed));
        }
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPartnership", summary = "A partnership's current state", description = "Partners and what the events so far "
            + "have established. Nothing here depends on the time of asking, so the strong ETag is the stream "
            + "version; If-None-Match answers 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "The state", content = @Content(
            schema = @Schema(implementation = Partnership.class),
            examples = @ExampleObject(name = "state", value = Examples.PARTNERSHIP)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such partnership, or not one the caller may see")
    public Uni<Response> get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return reader.partnership(callers.current(), id).map(p -> {
            var etag = ETags.of(p.version());
            if (etag.equals(ifNoneMatch)) {
                return Response.notModified().header("ETag", etag).build();
            }
            return Response.ok(p).header("ETag", etag).build();
        });
    }
}
