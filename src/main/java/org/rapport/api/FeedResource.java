package org.rapport.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.eventstore.FeedCursor;
import org.rapport.eventstore.StoredEvent;
import org.rapport.ledger.Reader;
import org.rapport.security.Caller;
import org.rapport.security.Callers;

@Path("/events")
@Tag(name = "Feed")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.PARTNER, Caller.FUNDER, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    static final int MAX_PAGE = 1000;

    private final Reader reader;
    private final Callers callers;

    public FeedResource(Reader reader, Callers callers) {
        this.reader = reader;
        this.callers = callers;
    }

    /** A page of the global feed; {@code next} is where to resume, present even when the page is empty. */
    public record Feed(List<StoredEvent> events, String next) {
    }

    @GET
    @Operation(operationId = "getFeed", summary = "Follow every event", description = "All events of the partnerships the caller may see, "
            + "in a stable order that never skips an event committed later by a slower writer. Resume with "
            + "after=<next>; next is always present, also when no event was returned.")
    @APIResponse(responseCode = "200", description = "A page of the feed", content = @Content(
            schema = @Schema(implementation = Feed.class),
            examples = @ExampleObject(name = "page", value = Examples.FEED)))
    @APIResponse(responseCode = "400", description = "The cursor or limit cannot be read")
    public Uni<Feed> feed(
            @Parameter(description = "The opaque cursor from a previous page's next; absent = the beginning")
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw Problems.invalid("limit", "must be 1 to " + MAX_PAGE);
        }
        var cursor = after == null || after.isEmpty() ? FeedCursor.START
                : FeedCursor.decode(after).orElseThrow(() -> Problems.invalid("after", "is not a cursor of this feed"));
        return reader.feed(callers.current(), cursor, limit).map(page -> new Feed(page.events(), page.next().encode()));
    }
}
