package org.rapport.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.rapport.domain.EventCatalog;
import org.rapport.domain.PartnershipEvent;
import org.rapport.domain.PartnershipFormed;
import org.rapport.domain.Validation;

/**
 * Documents the events from the one list of event types: a payload schema per type
 * ({@code <Type>Payload}), a request schema per type (the common envelope and the payload fields,
 * flat), a {@code oneOf} of the requests discriminated on {@code type}, an example per type, the
 * formation request, and the stored event as a {@code oneOf} of one schema per type whose
 * {@code data} is that type's payload, discriminated on {@code type} too. Required fields are
 * those the type's own validation requires, so the documentation cannot drift from the checks.
 */
public class EventSchemas implements OASFilter {

    static final String ENVELOPE = "EventEnvelope";
    static final String REQUEST = "EventRequest";
    static final String STORED = "StoredEvent";
    static final String STORED_ENVELOPE = "StoredEventEnvelope";
    static final String FORMATION = "PartnershipFormation";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ENVELOPE, envelope());
        var request = OASFactory.createSchema().description("One event to record: the envelope fields and the "
                + "payload fields of its type, in one flat object.");
        var discriminator = OASFactory.createDiscriminator().propertyName("type");
        for (var type : EventCatalog.all()) {
            if (type.payloadClass() == PartnershipFormed.class) {
                continue;
            }
            var name = type.name() + "Event";
            components.addSchema(name, eventSchema(type));
            request.addOneOf(ref(name));
            discriminator.addMapping(type.name(), "#/components/schemas/" + name);
        }
        components.addSchema(REQUEST, request.discriminator(discriminator));
        storedEvents(components);
        formation(openAPI, components);

        var events = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/partnerships/{id}/events");
        if (events != null && events.getPOST() != null && events.getPOST().getRequestBody() != null) {
            var media = events.getPOST().getRequestBody().getContent().getMediaType("application/json");
            media.schema(ref(REQUEST));
            var examples = new LinkedHashMap<String, org.eclipse.microprofile.openapi.models.examples.Example>();
            EventExamples.STORY.forEach((type, json) -> examples.put(type,
                    OASFactory.createExample().summary(type).value(parse(json))));
            media.examples(examples);
        }
        // A preview takes the very body a batch does.
        for (var path : List.of("/partnerships/{id}/events/batch", "/partnerships/{id}/health/preview")) {
            var batch = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path);
            if (batch != null && batch.getPOST() != null && batch.getPOST().getRequestBody() != null) {
                var media = batch.getPOST().getRequestBody().getContent().getMediaType("application/json");
                media.schema(OASFactory.createSchema().addType(SchemaType.ARRAY).items(ref(REQUEST))
                        .minItems(1).maxItems(EventResource.MAX_BATCH));
            }
        }
    }

    /** Each type's payload alone, as a stored event's {@code data} holds it. */
    static String payloadName(EventCatalog.EventType type) {
        return type.name() + "Payload";
    }

    private static Schema payload(EventCatalog.EventType type) {
        var payload = schemaOf(type.payloadClass()).description("The data of " + type.name() + ", schema version "
                + type.schemaVersion()).title(EventForms.typeTitle(type.name()))
                .addExtension(EventForms.GROUP, EventForms.group(type.name()));
        requiredFields(type.payloadClass()).forEach(payload::addRequired);
        describeFields(type.name(), null, payload);
        return payload;
    }

    /**
     * The stored event: the envelope as stored (StoredEventEnvelope, from the record the API
     * answers with) and, per type, {@code data} as that type's payload.
     */
    private static void storedEvents(org.eclipse.microprofile.openapi.models.Components components) {
        var generated = components.getSchemas().get(STORED);
        if (generated == null) {
            return;
        }
        var envelope = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("What every stored event carries besides its data.");
        generated.getProperties().forEach((name, schema) -> {
            if (!name.equals("data")) {
                envelope.addProperty(name, schema);
            }
        });
        List.of("eventId", "partnershipId", "type", "schemaVersion", "version", "position", "occurredAt",
                "recordedAt", "recordedBy", "voided").forEach(envelope::addRequired);
        components.addSchema(STORED_ENVELOPE, envelope);
        var stored = OASFactory.createSchema().description("An event as stored: its envelope, and its data in the "
                + "current schema version of its type.");
        var discriminator = OASFactory.createDiscriminator().propertyName("type");
        for (var type : EventCatalog.all()) {
            components.addSchema(payloadName(type), payload(type));
            var name = "Stored" + type.name();
            components.addSchema(name, OASFactory.createSchema().description("A stored " + type.name())
                    .addAllOf(ref(STORED_ENVELOPE))
                    .addAllOf(OASFactory.createSchema().addType(SchemaType.OBJECT)
                            .addProperty("type", string().addEnumeration(type.name()))
                            .addProperty("data", ref(payloadName(type)))
                            .addRequired("type").addRequired("data")));
            stored.addOneOf(ref(name));
            discriminator.addMapping(type.name(), "#/components/schemas/" + name);
        }
        components.addSchema(STORED, stored.discriminator(discriminator));
    }

    /** Forming a partnership: the formation's payload with the envelope fields a formation takes. */
    private static void formation(OpenAPI openAPI, org.eclipse.microprofile.openapi.models.Components components) {
        components.addSchema(FORMATION, OASFactory.createSchema()
                .description("A PartnershipFormed to record as version 1 of a new stream.")
                .addAllOf(OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .addProperty("eventId", string().format("uuid")
                                .description("Chosen by the client to make the request idempotent; generated if absent"))
                        .addProperty("occurredAt", string().description("When it was formed: an instant or a date; "
                                + "now if absent"))
                        .addProperty("correlationId", string().format("uuid"))
                        .addProperty("causationId", string().format("uuid"))
                        .addProperty("evidenceUrl", string().format("uri").maxLength(2000)))
                .addAllOf(ref(payloadName(EventCatalog.all().stream()
                        .filter(t -> t.payloadClass() == PartnershipFormed.class).findFirst().orElseThrow()))));
        var form = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/partnerships");
        if (form != null && form.getPOST() != null && form.getPOST().getRequestBody() != null) {
            form.getPOST().getRequestBody().getContent().getMediaType("application/json").schema(ref(FORMATION));
        }
    }

    private static Schema envelope() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("Fields every event request has besides its type's payload.")
                .addProperty("type", string().description("The event type"))
                .addProperty("eventId", string().format("uuid")
                        .description("Chosen by the client to make the request idempotent; generated if absent"))
                .addProperty("occurredAt", string().description("When it happened in the world: an instant "
                        + "(2026-05-01T09:30:00Z) or a date (2026-05-01, meaning that day, UTC); at most 24 hours ahead, "
                        + "not before the partnership was formed"))
                .addProperty("correlationId", string().format("uuid"))
                .addProperty("causationId", string().format("uuid"))
                .addProperty("evidenceUrl", string().format("uri").maxLength(2000))
                .addRequired("type").addRequired("occurredAt");
    }

    private static Schema eventSchema(EventCatalog.EventType type) {
        var payload = schemaOf(type.payloadClass()).addProperty("type",
                string().addEnumeration(type.name()).description("Always " + type.name()));
        requiredFields(type.payloadClass()).forEach(payload::addRequired);
        describeFields(type.name(), null, payload);
        payload.addRequired("type");
        return OASFactory.createSchema().description(type.name() + ", schema version " + type.schemaVersion())
                .addAllOf(ref(ENVELOPE)).addAllOf(payload);
    }

    /** The fields an all-empty payload is told are required. */
    private static List<String> requiredFields(Class<? extends PartnershipEvent> type) {
        var components = type.getRecordComponents();
        try {
            var constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            var empty = (PartnershipEvent) constructor.newInstance(new Object[components.length]);
            var v = new Validation();
            empty.validate(v);
            var names = Arrays.stream(components).map(RecordComponent::getName).toList();
            return v.violations().stream().filter(x -> x.message().equals("is required"))
                    .map(x -> x.field()).filter(names::contains).distinct().toList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot document " + type, e);
        }
    }

    /**
     * Each field's title in a manager's words, where its choices come from and whether it is the
     * id the event introduces ({@link EventForms}), down through nested objects and lists of them.
     */
    private static void describeFields(String type, String parent, Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((field, property) -> {
            var nested = property.getItems() != null ? property.getItems() : property;
            // A title on an object, or on a list of objects, would rename the model a generated
            // client makes of it; those carry their title as an extension instead.
            EventForms.fieldTitle(type, parent, field).ifPresent(title -> {
                if (nested.getProperties() != null) {
                    property.addExtension(EventForms.TITLE, title);
                } else {
                    property.title(title);
                }
            });
            EventForms.choices(type, parent, field).ifPresent(c -> property.addExtension(EventForms.CHOICES, c.name()));
            if (parent == null && EventForms.generatesId(type, field)) {
                property.addExtension(EventForms.NEW_ID, true);
            }
            if (nested.getProperties() != null) {
                describeFields(type, field, nested);
            }
        });
    }

    private static Schema schemaOf(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return OASFactory.createSchema().addType(SchemaType.ARRAY).items(schemaOf(p.getActualTypeArguments()[0]));
        }
        var c = (Class<?>) type;
        if (c == String.class) {
            return string();
        }
        if (c == Integer.class || c == int.class) {
            return OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32");
        }
        if (c == BigDecimal.class) {
            return OASFactory.createSchema().addType(SchemaType.NUMBER);
        }
        if (c == Boolean.class || c == boolean.class) {
            return OASFactory.createSchema().addType(SchemaType.BOOLEAN);
        }
        if (c == LocalDate.class) {
            return string().format("date");
        }
        if (c == Instant.class) {
            return string().format("date-time");
        }
        if (c == UUID.class) {
            return string().format("uuid");
        }
        if (c.isEnum()) {
            var schema = string();
            Arrays.stream(c.getEnumConstants()).forEach(e -> schema.addEnumeration(((Enum<?>) e).name()));
            return schema;
        }
        if (c.isRecord()) {
            var schema = OASFactory.createSchema().addType(SchemaType.OBJECT);
            for (var component : c.getRecordComponents()) {
                schema.addProperty(component.getName(), schemaOf(component.getGenericType()));
            }
            return schema;
        }
        throw new IllegalArgumentException("no schema for " + c);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
