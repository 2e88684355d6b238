package org.rapport.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The short page each problem type URI points at. */
@Path("/problems")
@Tag(name = "Problems")
public class ProblemPages {

    @GET
    @Path("{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getProblemType", summary = "What a problem type means", description = "A short HTML "
            + "page for each problem type URI a problem's type names (/problems/<slug>).")
    public String page(@PathParam("slug") String slug) {
        var type = ProblemType.bySlug(slug)
                .orElseThrow(() -> Problems.of(ProblemType.NOT_FOUND, "No problem type " + slug + "."));
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body><main><h1>%s</h1><p>HTTP status %d.</p><p>%s</p></main></body></html>
                """.formatted(type.title(), type.title(), type.status(), type.explanation());
    }
}
