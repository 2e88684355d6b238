package org.rapport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.client.ApiClient;
import org.rapport.client.ApiException;
import org.rapport.client.api.AdministrationApi;
import org.rapport.client.api.EventsApi;
import org.rapport.client.api.FeedApi;
import org.rapport.client.api.HealthApi;
import org.rapport.client.api.PartnershipsApi;
import org.rapport.client.model.EventRequest;
import org.rapport.client.model.FunderKind;
import org.rapport.client.model.PartnershipFormation;
import org.rapport.client.model.Problem;
import org.rapport.client.model.Registration;
import org.rapport.domain.EventCatalog;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Tokens;

/**
 * The whole story through the Java client generated from openapi/ in this build (no hand-written
 * HTTP), against the packaged service on real PostgreSQL and Kafka: the funder registry, a
 * formation with its own event id and date, one event of each type read back typed, the stream,
 * the feed, health and its history, the portfolio, and problems read as the Problem schema.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(LocalInfrastructure.class)
class GeneratedClientIT {

    private static ApiClient client(String token) {
        var client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static java.util.Optional<String> header(java.util.Map<String, java.util.List<String>> headers,
            String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    private static Problem problem(ApiClient client, ApiException e) throws Exception {
        return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    @Test
    void the_whole_story_through_the_generated_client() throws Exception {
        var admin = client(Tokens.admin());
        var mapper = admin.getObjectMapper();

        // The funder registry, round trip: register, read where Location points, list.
        var funderId = "tudor-trust";
        var registry = new AdministrationApi(admin);
        try {
            var registered = registry.registerFunderWithHttpInfo(new Registration().funderId(funderId)
                    .name("The Tudor Trust").kind(FunderKind.TRUST));
            assertThat(registered.getStatusCode()).isEqualTo(201);
            assertThat(header(registered.getHeaders(), "Location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/admin/funders/" + funderId));
        } catch (ApiException e) {
            assertThat(e.getCode()).as("already registered by an earlier test").isEqualTo(409);
            assertThat(problem(admin, e).getType()).isEqualTo("/problems/funder-exists");
        }
        assertThat(registry.getFunder(funderId).getName()).isEqualTo("The Tudor Trust");
        assertThat(registry.listFunders()).anySatisfy(f -> assertThat(f.getFunderId()).isEqualTo(funderId));
        var missing = catchThrowableOfType(ApiException.class, () -> registry.getFunder("nobody-" + UUID.randomUUID()));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(problem(admin, missing).getStatus()).isEqualTo(404);

        // Formation with the client's own event id and date.
        var formationId = UUID.randomUUID();
        var formedOn = LocalDate.now().minusDays(400);
        var formation = mapper.readValue(Examples.PARTNERSHIP_FORMED, PartnershipFormation.class)
                .eventId(formationId).occurredAt(formedOn.toString());
        var partner = client(Tokens.partner("respect"));
        var partnerships = new PartnershipsApi(partner);
        var formed = partnerships.formPartnershipWithHttpInfo(formation, null, null);
        assertThat(formed.getStatusCode()).isEqualTo(201);
        assertThat(header(formed.getHeaders(), "ETag")).hasValue("\"1\"");
        var id = formed.getData().getId();
        assertThat(header(formed.getHeaders(), "Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/partnerships/" + id));
        // The same formation again is a retry: the same partnership.
        assertThat(partnerships.formPartnership(formation, null, null).getId()).isEqualTo(id);

        // One event of each type, typed, in the story's order.
        var events = new EventsApi(partner);
        var sent = new ArrayList<ObjectNode>();
        var meetingId = UUID.randomUUID().toString();
        for (var example : EventExamples.STORY.values()) {
            var json = (ObjectNode) mapper.readTree(example.replace(EventExamples.VOIDED_MEETING_ID, meetingId));
            json.put("eventId", UUID.randomUUID().toString());
            if (json.get("type").asText().equals("MeetingHeld")) {
                json.put("eventId", meetingId);
            }
            var request = mapper.treeToValue(json, EventRequest.class);
            var stored = events.recordEvent(id, request, null, null, null);
            assertThat(stored.getActualInstance().getClass().getSimpleName()).isEqualTo("Stored"
                    + json.get("type").asText());
            sent.add(json);
            if (json.get("type").asText().equals("AgreementSigned")) {
                // A 412: If-Match on a version the stream has moved past.
                var another = (ObjectNode) json.deepCopy();
                another.put("eventId", UUID.randomUUID().toString());
                var stale = catchThrowableOfType(ApiException.class, () -> events.recordEvent(id,
                        mapper.treeToValue(another, EventRequest.class), null, "\"1\"", null));
                assertThat(stale.getCode()).isEqualTo(412);
                assertThat(problem(partner, stale).getStatus()).isEqualTo(412);
                // A 409: the same event id with another body.
                var reused = (ObjectNode) json.deepCopy();
                reused.put("evidenceUrl", "https://example.org/another");
                var conflict = catchThrowableOfType(ApiException.class, () -> events.recordEvent(id,
                        mapper.treeToValue(reused, EventRequest.class), null, null, null));
                assertThat(conflict.getCode()).isEqualTo(409);
                assertThat(problem(partner, conflict).getOffendingId()).isEqualTo(json.get("eventId").asText());
            }
        }
        var types = sent.stream().map(e -> e.get("type").asText()).toList();
        assertThat(types).hasSize(EventCatalog.all().size() - 1);

        // The stream, read back typed: each payload as its type's schema.
        var stream = events.getStream(id, 1L, 1000).getEvents();
        assertThat(stream).hasSize(sent.size() + 1);
        assertThat(stream.get(0).getActualInstance().getClass().getSimpleName()).isEqualTo("StoredPartnershipFormed");
        for (int i = 0; i < sent.size(); i++) {
            var stored = mapper.valueToTree(stream.get(i + 1).getActualInstance());
            assertThat(stored.get("type").asText()).isEqualTo(types.get(i));
            assertThat(stored.get("eventId").asText()).isEqualTo(sent.get(i).get("eventId").asText());
            var payload = stored.get("data");
            var type = types.get(i);
            var sentEvent = sent.get(i);
            sentEvent.fieldNames().forEachRemaining(field -> {
                var value = sentEvent.get(field);
                if (!EventRequests.ENVELOPE.contains(field) && !value.isNull()) {
                    assertThat(payload.has(field)).as(type + "." + field + " read back").isTrue();
                    if (value.isNumber()) {
                        assertThat(payload.get(field).decimalValue()).as(type + "." + field)
                                .isEqualByComparingTo(value.decimalValue());
                    } else if (value.isValueNode()) {
                        assertThat(payload.get(field).asText()).as(type + "." + field).isEqualTo(value.asText());
                    }
                }
            });
        }
        var single = events.getEvent(id, formationId);
        assertThat(mapper.valueToTree(single.getActualInstance()).get("occurredAt").asText())
                .startsWith(formedOn.toString());

        // A 400 with its errors, and a 404, as problems.
        var invalid = mapper.treeToValue(mapper.readTree("""
                {"type": "MeetingHeld", "occurredAt": "%s", "format": "IN_PERSON", "kind": "STEERING",
                 "attendees": [{"personRef": "a", "orgId": "respect", "seniority": "EXECUTIVE"}]}"""
                .formatted(LocalDate.now())), EventRequest.class);
        var bad = catchThrowableOfType(ApiException.class, () -> new EventsApi(admin).recordEvent(
                UUID.randomUUID(), invalid, null, null, null));
        assertThat(bad.getCode()).isEqualTo(400);
        assertThat(problem(admin, bad).getErrors()).isNotEmpty();
        var unknown = catchThrowableOfType(ApiException.class, () -> partnerships.getPartnership(UUID.randomUUID(), null));
        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(problem(partner, unknown).getType()).isEqualTo("/problems/not-found");

        // If-None-Match: 304 when the stream has not moved.
        var current = partnerships.getPartnershipWithHttpInfo(id, null);
        var etag = header(current.getHeaders(), "ETag").orElseThrow();
        var unchanged = catchThrowableOfType(ApiException.class, () -> partnerships.getPartnership(id, etag));
        assertThat(unchanged.getCode()).isEqualTo(304);

        // The feed, page by page with its cursor.
        var feed = new FeedApi(admin);
        String cursor = null;
        var seen = new ArrayList<UUID>();
        for (int page = 0; page < 1000; page++) {
            var next = feed.getFeed(cursor, 200);
            next.getEvents().forEach(e -> seen.add(UUID.fromString(
                    mapper.valueToTree(e.getActualInstance()).get("eventId").asText())));
            if (next.getEvents().isEmpty()) {
                break;
            }
            cursor = next.getNext();
        }
        assertThat(seen).contains(formationId, UUID.fromString(meetingId));

        // Health (the partnership is closed: its dimensions as they were), history with null
        // dimensions before formation, and the portfolio.
        var health = new HealthApi(partner);
        assertThat(health.getHealth(id, null, null).getStatus()).isNotNull();
        var history = health.getHealthHistory(id, formedOn.minusMonths(2).toString(), null, formedOn.plusMonths(2)
                .toString());
        assertThat(history.getPoints()).isNotEmpty();
        assertThat(history.getPoints().get(0).getOverall()).isNull();
        var portfolio = new PartnershipsApi(admin).listPartnerships(null, null, null, null, 200, null, null, null, null);
        assertThat(portfolio.getItems()).isNotEmpty();
    }
}
