package org.rapport.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.testing.KafkaReader.header;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.rapport.publish.Topics;
import org.rapport.testing.KafkaReader;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * One request followed with OpenTelemetry, spans recorded in memory: from the HTTP call, through
 * the append and its database calls, to the Kafka record a funder's system reads and the span
 * that published it.
 */
@QuarkusTest
@TestProfile(TracingTests.Traced.class)
@QuarkusTestResource(LocalInfrastructure.class)
class TracingTests {

    /** Tracing on, as OTEL_SDK_DISABLED=false turns it on in production. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(), "quarkus.log.file.format", "${quarkus.log.console.format}");
        }
    }

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final java.nio.file.Path LOG = java.nio.file.Path.of("target", "traced.log");

    @Inject
    InMemorySpanExporter spans;

    SpanData awaitSpan(Predicate<SpanData> wanted) throws InterruptedException {
        var deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such span among " + spans.getFinishedSpanItems().stream()
                .map(s -> s.getKind() + " " + s.getName()).toList());
    }

    @Test
    void one_append_is_followed_from_its_request_to_its_kafka_record_and_the_span_that_published_it() throws Exception {
        var id = Partnerships.form("traced-a", "traced-b");
        var eventId = UUID.randomUUID();
        given().auth().oauth2(Tokens.partner("traced-a")).contentType(ContentType.JSON)
                .body(Partnerships.meeting(eventId, LocalDate.now().toString(), "traced-a", "traced-b"))
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);

        var server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("POST /partnerships/{id}/events")
                && s.getAttributes().asMap().values().stream().anyMatch(v -> String.valueOf(v).contains(id.toString())));
        var traceId = server.getTraceId();
        List<SpanData> database = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CLIENT).toList();
        assertThat(database).as("the database calls inside the request's trace").isNotEmpty()
                .allSatisfy(s -> assertThat(s.getAttributes().asMap().keySet().toString()).contains("db."));

        var stored = given().auth().oauth2(Tokens.partner("traced-a")).when()
                .get("/partnerships/" + id + "/events/" + eventId).then().statusCode(200).extract().jsonPath();
        var traceparent = stored.getString("traceparent");
        assertThat(traceparent).as("the stored event names the request's trace")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");

        var records = KafkaReader.readUntil(Topics.EVENTS,
                r -> r.stream().anyMatch(x -> eventId.toString().equals(header(x, "ce_id"))), PATIENCE);
        var record = records.stream().filter(x -> eventId.toString().equals(header(x, "ce_id"))).findFirst().orElseThrow();
        assertThat(header(record, "ce_traceparent")).as("the CloudEvents distributed tracing extension")
                .isEqualTo(traceparent);

        var publish = awaitSpan(s -> s.getKind() == SpanKind.PRODUCER && s.getLinks().stream()
                .anyMatch(l -> l.getSpanContext().getTraceId().equals(traceId)));
        assertThat(publish.getName()).isEqualTo("publish " + Topics.EVENTS);
        assertThat(publish.getTraceId()).as("a trace of its own, linked to the request's").isNotEqualTo(traceId);
        assertThat(publish.getLinks()).anySatisfy(l -> assertThat(l.getSpanContext().getSpanId())
                .isEqualTo(traceparent.substring(36, 52)));
    }

    @Test
    void a_callers_traceparent_is_continued_through_to_the_kafka_record() throws Exception {
        var id = Partnerships.form("traced-c", "traced-d");
        var eventId = UUID.randomUUID();
        var callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().auth().oauth2(Tokens.partner("traced-c")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + callerTrace + "-00f067aa0ba902b7-01")
                .body(Partnerships.meeting(eventId, LocalDate.now().toString(), "traced-c", "traced-d"))
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);
        var records = KafkaReader.readUntil(Topics.EVENTS,
                r -> r.stream().anyMatch(x -> eventId.toString().equals(header(x, "ce_id"))), PATIENCE);
        var record = records.stream().filter(x -> eventId.toString().equals(header(x, "ce_id"))).findFirst().orElseThrow();
        assertThat(header(record, "ce_traceparent")).startsWith("00-" + callerTrace + "-");
    }

    @Test
    void the_log_lines_of_a_traced_request_name_its_trace_and_span() throws Exception {
        var id = Partnerships.form("traced-e", "traced-f");
        var traceId = "0af7651916cd43dd8448eb211c80319c";
        // A body that is not a valid meeting: refused with 400, which the problem extension logs.
        given().auth().oauth2(Tokens.partner("traced-e")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body(Map.of("type", "MeetingHeld", "occurredAt", LocalDate.now().toString()))
                .when().post("/partnerships/" + id + "/events").then().statusCode(400);
        var deadline = Instant.now().plus(PATIENCE);
        List<String> lines = List.of();
        while (Instant.now().isBefore(deadline) && lines.isEmpty()) {
            lines = java.nio.file.Files.readAllLines(LOG).stream()
                    .filter(l -> l.contains("status=400") && l.contains("/partnerships/" + id) || l.contains(traceId))
                    .toList();
            Thread.sleep(100);
        }
        assertThat(lines).as("the request's log lines").isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("traceId=" + traceId).containsPattern("spanId=[0-9a-f]{16}"));
    }
}
