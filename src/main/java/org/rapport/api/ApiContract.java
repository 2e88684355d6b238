package org.rapport.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The contract as a generated client reads it, made true in one place for every operation:
 * <ul>
 * <li>the events ({@link EventSchemas});</li>
 * <li>one Problem schema (RFC 9457, as {@link Problems} builds them: {@code errors} and
 * {@code offendingId} included) on every error status;</li>
 * <li>path parameters in the order of the path, so a positional call means what it says;</li>
 * <li>every property that is not required may be null (OpenAPI 3.1 type arrays): the service
 * writes null for what is absent, and a client may send null for it;</li>
 * <li>the {@code ETag} of the responses that carry one.</li>
 * </ul>
 */
public class ApiContract implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA = "application/problem+json";

    /** The operations whose successful answer carries the stream version as its ETag. */
    static final Set<String> ETAGGED = Set.of("formPartnership", "getPartnership", "recordEvent", "recordEvents");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        new EventSchemas().filterOpenAPI(api);
        if (api.getServers() == null || api.getServers().isEmpty()) {
            api.addServer(OASFactory.createServer().url("http://localhost:8080")
                    .description("A service started with ./mvnw quarkus:dev; clients point at their deployment"));
        }
        problems(api);
        operations(api).forEach(ApiContract::pathParametersInPathOrder);
        operations(api).forEach(ApiContract::etags);
        api.getComponents().getSchemas().values().forEach(ApiContract::nullables);
    }

    private record Op(String path, Operation operation) {
    }

    private static List<Op> operations(OpenAPI api) {
        var all = new ArrayList<Op>();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(op -> all.add(new Op(path, op))));
        return all;
    }

    private static void problems(OpenAPI api) {
        var components = api.getComponents();
        components.removeSchema("HttpProblem");
        components.removeSchema("HttpValidationProblem");
        // Request bodies read as a JSON tree are documented by schemas of their own.
        components.removeSchema("JsonNode");
        components.removeSchema("JsonNodeType");
        // Documented by PartnershipFormedPayload (with its organisations) and ProblemError instead.
        components.removeSchema("PartnershipFormed");
        components.removeSchema("Violation");
        components.removeSchema("Organisation");
        components.addSchema("ProblemError", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One invalid field: where, and what is wrong with it.")
                .addProperty("field", string().description("The field's path in the request, e.g. attendees[0].orgId; "
                        + "empty for the body itself"))
                .addProperty("message", string())
                .addRequired("field").addRequired("message"));
        components.addSchema(PROBLEM, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("A problem (RFC 9457). The type is a URI whose page says what it means.")
                .addProperty("type", string().format("uri-reference").description("e.g. /problems/validation"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string())
                .addProperty("instance", string().format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(ref("ProblemError")).description("For a 400: every invalid field"))
                .addProperty("offendingId", string().description("The id the problem is about, where there is one"))
                .addRequired("type").addRequired("title").addRequired("status"));
        for (var op : operations(api)) {
            if (op.operation().getResponses() == null) {
                continue;
            }
            op.operation().getResponses().getAPIResponses().forEach((status, response) -> {
                if (!status.matches("[45]\\d\\d")) {
                    return;
                }
                var content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
                var media = content.getMediaType(PROBLEM_MEDIA) == null ? OASFactory.createMediaType()
                        : content.getMediaType(PROBLEM_MEDIA);
                content.getMediaTypes().keySet().stream().filter(m -> !m.equals(PROBLEM_MEDIA)).toList()
                        .forEach(content::removeMediaType);
                content.addMediaType(PROBLEM_MEDIA, media.schema(ref(PROBLEM)));
                response.setContent(content);
            });
        }
    }

    private static void pathParametersInPathOrder(Op op) {
        var parameters = op.operation().getParameters();
        if (parameters == null || parameters.size() < 2) {
            return;
        }
        var sorted = new ArrayList<>(parameters);
        sorted.sort(Comparator.comparingInt((Parameter p) -> p.getIn() == Parameter.In.PATH
                ? op.path().indexOf("{" + p.getName() + "}") : Integer.MAX_VALUE));
        op.operation().setParameters(sorted);
    }

    private static void etags(Op op) {
        if (!ETAGGED.contains(op.operation().getOperationId())) {
            return;
        }
        op.operation().getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.equals("200") || status.equals("201") || status.equals("304")) {
                response.addHeader("ETag", OASFactory.createHeader().description("The stream's version, quoted: "
                        + "send it as If-Match to record only on top of it, or as If-None-Match to be told 304 when "
                        + "nothing changed").schema(string()));
            }
        });
    }

    /**
     * A property not required may be null: its type becomes [type, null] (with null among its
     * values when it has an enumeration), a reference anyOf [it, null]; so may a map's values.
     */
    private static void nullables(Schema schema) {
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(ApiContract::nullables);
        }
        if (schema.getItems() != null) {
            nullables(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            nullable(schema.getAdditionalPropertiesSchema());
        }
        if (schema.getProperties() == null) {
            return;
        }
        var required = schema.getRequired() == null ? List.<String>of() : schema.getRequired();
        for (Map.Entry<String, Schema> e : List.copyOf(schema.getProperties().entrySet())) {
            var property = e.getValue();
            if (property.getRef() == null) {
                nullables(property);
            }
            if (required.contains(e.getKey())) {
                continue;
            }
            if (property.getRef() != null) {
                schema.addProperty(e.getKey(), OASFactory.createSchema().addAnyOf(ref(property.getRef()))
                        .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL)));
            } else {
                nullable(property);
            }
        }
    }

    private static void nullable(Schema property) {
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                property.addEnumeration(null);
            }
        }
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name.startsWith("#") ? name : "#/components/schemas/" + name);
    }
}
