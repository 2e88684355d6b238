package org.rapport.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.domain.EventCatalog;
import org.rapport.domain.Limits;
import org.rapport.domain.PartnershipEvent;
import org.rapport.domain.PartnershipFormed;
import org.rapport.domain.ProposedEvent;
import org.rapport.domain.Validation;
import org.rapport.ledger.Proposal;

/**
 * Reads event requests: a flat JSON object {@code { "type", "eventId", "occurredAt", <payload> }}.
 * Every stateless rule is checked here, so what reaches the recorder is well-formed; what is
 * wrong is answered 400 with one entry per field.
 */
@ApplicationScoped
public class EventRequests {

    static final Set<String> ENVELOPE = Set.of("type", "eventId", "occurredAt", "correlationId", "causationId",
            "evidenceUrl");

    private final ObjectMapper json;
    private final Clock clock;

    public EventRequests(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The {@code X-Correlation-Id} header: a UUID, carried into event metadata and Kafka records. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    static UUID correlationId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(CORRELATION_HEADER, "must be a UUID");
        }
    }

    /** The body of {@code POST /partnerships}: the PartnershipFormed payload; occurredAt defaults to now. */
    public Proposal formation(JsonNode body) {
        var v = new Validation();
        var proposal = read(body, v, PartnershipFormed.class);
        return valid(proposal, v);
    }

    /** One event for {@code POST /partnerships/{id}/events}: any type but PartnershipFormed. */
    public Proposal event(JsonNode body) {
        var v = new Validation();
        return valid(read(body, v, null), v);
    }

    /** A batch for {@code POST /partnerships/{id}/events/batch}: errors are reported as {@code [i].field}. */
    public List<Proposal> batch(JsonNode body, int maxEvents) {
        var v = new Validation();
        if (body == null || !body.isArray()) {
            throw Problems.invalid("", "must be a JSON array of events");
        }
        if (body.isEmpty() || body.size() > maxEvents) {
            throw Problems.invalid("", "must hold 1 to " + maxEvents + " events");
        }
        var proposals = new Proposal[body.size()];
        for (int i = 0; i < body.size(); i++) {
            proposals[i] = read(body.get(i), v.at("[" + i + "]"), null);
        }
        var seen = new java.util.HashSet<UUID>();
        for (int i = 0; i < proposals.length; i++) {
            var id = proposals[i] == null ? null : proposals[i].event().eventId();
            if (id != null && !seen.add(id)) {
                v.at("[" + i + "]").fail("eventId", "is used by an earlier event of this batch");
            }
        }
        if (!v.isValid()) {
            throw Problems.invalid(v.violations());
        }
        return Arrays.asList(proposals);
    }

    private static Proposal valid(Proposal proposal, Validation v) {
        if (!v.isValid()) {
            throw Problems.invalid(v.violations());
        }
        return proposal;
    }

    /**
     * Reads one event object; {@code formation} (non-null) means the type is implied and the
     * occurredAt optional. Returns null when the object is too broken to build.
     */
    private Proposal read(JsonNode node, Validation v, Class<PartnershipFormed> formation) {
        if (node == null || !node.isObject()) {
            v.fail("", "must be a JSON object");
            return null;
        }
        var payloadClass = payloadClass(node, v, formation != null);
        var eventId = uuid(node, "eventId", v);
        var occurredAt = instant(node, "occurredAt", v);
        if (occurredAt == null && formation != null && !node.hasNonNull("occurredAt")) {
            occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        }
        var correlationId = uuid(node, "correlationId", v);
        var causationId = uuid(node, "causationId", v);
        var evidenceUrl = url(node, "evidenceUrl", v);
        if (payloadClass == null) {
            return null;
        }
        var payloadNode = ((ObjectNode) node).deepCopy();
        payloadNode.remove(ENVELOPE);
        var payload = payload(payloadNode, payloadClass, v);
        if (payload == null) {
            return null;
        }
        var proposed = new ProposedEvent(eventId, occurredAt, payload);
        proposed.validate(v, clock.instant());
        return new Proposal(proposed, correlationId, causationId, evidenceUrl);
    }

    private static Class<? extends PartnershipEvent> payloadClass(JsonNode node, Validation v, boolean formation) {
        var type = node.get("type");
        if (formation && (type == null || type.isNull())) {
            return PartnershipFormed.class;
        }
        if (type == null || type.isNull()) {
            v.fail("type", "is required");
            return null;
        }
        var known = type.isTextual() ? EventCatalog.byName(type.asText()) : java.util.Optional.<EventCatalog.EventType>empty();
        if (known.isEmpty()) {
            v.fail("type", "must be one of " + EventCatalog.all().stream().map(EventCatalog.EventType::name).toList());
            return null;
        }
        var payloadClass = known.get().payloadClass();
        if (formation != (payloadClass == PartnershipFormed.class)) {
            v.fail("type", formation ? "must be PartnershipFormed"
                    : "PartnershipFormed is recorded by POST /partnerships");
            return null;
        }
        return payloadClass;
    }

    private PartnershipEvent payload(ObjectNode node, Class<? extends PartnershipEvent> type, Validation v) {
        try {
            return json.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            v.fail(path(e), "is not a field of " + EventCatalog.all().stream()
                    .filter(t -> t.payloadClass() == type).findFirst().map(EventCatalog.EventType::name).orElse("it"));
        } catch (InvalidFormatException e) {
            v.fail(path(e), formatMessage(e).orElse("has the wrong format"));
        } catch (JsonMappingException e) {
            v.fail(path(e), "has the wrong type");
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            v.fail("", "cannot be read");
        }
        return null;
    }

    /** The JSON path of a mapping error, as {@code attendees[0].orgId}. */
    /** What is wrong with a value of the right type in the wrong form, when it is one of the known cases. */
    static java.util.Optional<String> formatMessage(InvalidFormatException e) {
        var target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return java.util.Optional.of("must be one of " + Arrays.toString(target.getEnumConstants()));
        }
        if (e.getValue() instanceof String text && text.indexOf('\0') >= 0) {
            return java.util.Optional.of(JsonSettings.NUL_REFUSED);
        }
        return java.util.Optional.empty();
    }

    static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static UUID uuid(JsonNode node, String field, Validation v) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isTextual()) {
                return UUID.fromString(value.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        v.fail(field, "must be a UUID");
        return null;
    }

    /** An instant ({@code 2026-05-01T09:30:00Z}) or a date ({@code 2026-05-01}, meaning that day, UTC). */
    static Instant instant(JsonNode node, String field, Validation v) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            var text = value.asText();
            try {
                // Stored to the microsecond, as PostgreSQL keeps time.
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        v.fail(field, "must be an ISO-8601 instant (2026-05-01T09:30:00Z) or date (2026-05-01)");
        return null;
    }

    private static String url(JsonNode node, String field, Validation v) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() && value.asText().length() <= Limits.URL) {
            try {
                var uri = new URI(value.asText());
                if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                    return value.asText();
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
        }
        v.fail(field, "must be an http(s) URL of at most " + Limits.URL + " characters");
        return null;
    }
}
