package org.rapport.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rapport.domain.FundingSecured.FunderKind;
import org.rapport.domain.Limits;
import org.rapport.domain.Validation;
import org.rapport.funders.Funder;
import org.rapport.funders.FunderRegistry;
import org.rapport.security.Caller;

@Path("/admin/funders")
@Tag(name = "Administration")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class FunderResource {

    private final FunderRegistry registry;

    public FunderResource(FunderRegistry registry) {
        this.registry = registry;
    }

    /** A funder to register; funderId is generated when absent. */
    public record Registration(String funderId, String name, FunderKind kind) {
    }

    /** A registered funder. */
    public record RegisteredFunder(String funderId, String name, FunderKind kind, java.time.Instant registeredAt) {
        static RegisteredFunder of(Funder f) {
            return new RegisteredFunder(f.funderId, f.name, f.kind, f.registeredAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerFunder", summary = "Register a funder", description = "A FundingSecured may name only a registered funder. "
            + "funderId (1-100 characters: letters, digits, '-', '_' or '.') is generated when absent.")
    @APIResponse(responseCode = "201", description = "Registered; Location is the funder",
            headers = @Header(name = "Location", description = "The funder: /admin/funders/{funderId}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegisteredFunder.class)))
    @APIResponse(responseCode = "400", description = "Invalid")
    @APIResponse(responseCode = "409", description = "The funderId is already registered")
    public Uni<Response> register(Registration body, @Context UriInfo uri) {
        var v = new Validation();
        if (body == null) {
            throw Problems.invalid("", "is required");
        }
        if (body.funderId() != null && !body.funderId().matches("[A-Za-z0-9._-]{1," + Limits.REFERENCE + "}")) {
            v.fail("funderId", "must be 1 to " + Limits.REFERENCE + " letters, digits, '-', '_' or '.'");
        }
        v.text("name", body.name(), 1, Limits.NAME);
        v.required("kind", body.kind());
        if (!v.isValid()) {
            throw Problems.invalid(v.violations());
        }
        return registry.register(body.funderId(), body.name(), body.kind())
                .map(f -> Response.created(uri.getAbsolutePathBuilder().path(f.funderId).build())
                        .entity(RegisteredFunder.of(f)).build())
                .onFailure(FunderRegistry.AlreadyRegistered.class).transform(e -> Problems.builder(
                        ProblemType.FUNDER_EXISTS, e.getMessage()).with("offendingId", body.funderId()).build());
    }

    @GET
    @Operation(operationId = "listFunders", summary = "The registered funders", description = "Every funder a "
            + "FundingSecured may name, by funderId.")
    public Uni<List<RegisteredFunder>> all() {
        return registry.all().map(list -> list.stream().map(RegisteredFunder::of).toList());
    }

    @GET
    @Path("{funderId}")
    @Operation(operationId = "getFunder", summary = "One registered funder", description = "Where a registration's "
            + "Location points.")
    @APIResponse(responseCode = "200", description = "The funder", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegisteredFunder.class)))
    @APIResponse(responseCode = "404", description = "No funder is registered under this id")
    public Uni<RegisteredFunder> one(@PathParam("funderId") String funderId) {
        return registry.find(List.of(funderId)).map(found -> {
            var funder = found.get(funderId);
            if (funder == null) {
                throw Problems.of(ProblemType.NOT_FOUND, "No funder " + funderId + " is registered.");
            }
            return RegisteredFunder.of(funder);
        });
    }
}
