package org.rapport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.domain.EventCatalog;
import org.rapport.testing.Funders;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Tokens;

/**
 * Every post-formation type is accepted with a valid body (the documented examples, in story
 * order), and each type's invalid cases are refused with the right status and nothing written.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class EveryEventTypeTests {

    static final ObjectMapper JSON = new ObjectMapper();

    static UUID formDrive() {
        Funders.register("tudor-trust");
        var location = given().auth().oauth2(Tokens.partner("respect")).contentType(ContentType.JSON)
                .body(Examples.PARTNERSHIP_FORMED.replace("\"eventId\": \"5f0c6a52-8a36-4b8e-9a51-0f1c2e6f8b10\",", ""))
                .when().post("/partnerships").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The story's examples with fresh event ids, the void pointing at this run's meeting. */
    static List<ObjectNode> story() {
        var meetingId = UUID.randomUUID().toString();
        var events = new ArrayList<ObjectNode>();
        EventExamples.STORY.values().forEach(example -> {
            try {
                events.add((ObjectNode) JSON.readTree(example.replace(EventExamples.VOIDED_MEETING_ID, meetingId)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return events;
    }

    static void post(UUID id, Object body, int status) {
        given().auth().oauth2(Tokens.partner("respect")).contentType(ContentType.JSON).body(body.toString())
                .when().post("/partnerships/" + id + "/events").then().statusCode(status);
    }

    static int streamLength(UUID id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/events?limit=1000")
                .then().statusCode(200).extract().path("events.size()");
    }

    @Test
    void the_examples_cover_every_type_but_formation() {
        var types = EventCatalog.all().stream().map(EventCatalog.EventType::name)
                .filter(name -> !name.equals("PartnershipFormed")).toList();
        assertThat(EventExamples.STORY.keySet()).containsExactlyInAnyOrderElementsOf(types);
    }

    @Test
    void every_type_is_accepted_and_shapes_the_state() {
        var id = formDrive();
        var story = story();
        var states = new ArrayList<JsonPath>();
        for (var event : story) {
            var type = event.get("type").asText();
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(event.toString())
                    .when().post("/partnerships/" + id + "/events")
                    .then().statusCode(201).body("type", equalTo(type));
            if (type.equals("AgreementEnded")) {
                states.add(given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id)
                        .then().statusCode(200).extract().jsonPath());
            }
        }
        var before = states.get(0);
        assertThat(before.getList("partners.orgId")).containsExactly("respect", "safelives", "social-finance",
                "county-council");
        assertThat(before.getString("partners[0].understoodType")).isEqualTo("COLLABORATIVE");
        assertThat(before.getString("goals[0].statement")).contains("across the county");
        assertThat(before.getBoolean("goals[0].active")).isFalse();
        assertThat(before.getBoolean("fundings[0].active")).isFalse();
        assertThat(before.getString("plans[0].status")).isEqualTo("DRAFT");
        assertThat(before.getBoolean("agreements[0].inForce")).isFalse();
        assertThat(before.getString("chair.role")).isEqualTo("INDEPENDENT_CHAIR");
        assertThat(before.getString("leadership[0].holderRef")).isEqualTo("p-new-ce-safelives");
        assertThat(before.getString("measures[0].latestValue")).isNotNull();
        assertThat(before.getString("milestones[0].status")).isEqualTo("REACHED");
        assertThat(before.getString("milestones[0].dueOn")).isEqualTo("2026-10-31");
        assertThat(before.getString("pilots[0].scaledTo[0].location.name")).isEqualTo("West Sussex");
        assertThat(before.getBoolean("risks[0].open")).isFalse();

        var after = given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("status")).isEqualTo("CLOSED");
        assertThat(after.getList("partners.orgId")).containsExactly("respect", "safelives", "social-finance");
        assertThat(after.getList("formerPartners.orgId")).containsExactly("county-council");
        assertThat(after.getInt("version")).isEqualTo(story.size() + 1);

        var voided = story.get(2).get("eventId").asText();
        given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/events/" + voided)
                .then().statusCode(200).body("voided", equalTo(true));
    }

    @Test
    void a_closed_partnership_accepts_nothing_but_a_void() {
        var id = formDrive();
        post(id, "{\"type\": \"PartnershipClosed\", \"occurredAt\": \"2026-02-01\", \"reason\": \"DISSOLVED\"}", 201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(EventExamples.STORY.get("RiskRaised"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(409).body("type", equalTo("/problems/partnership-closed"));
    }

    @Test
    void voiding_a_closure_reopens_the_partnership() {
        var id = formDrive();
        var closure = UUID.randomUUID();
        post(id, "{\"type\": \"PartnershipClosed\", \"eventId\": \"" + closure
                + "\", \"occurredAt\": \"2026-02-01\", \"reason\": \"DISSOLVED\"}", 201);
        post(id, "{\"type\": \"EventVoided\", \"occurredAt\": \"2026-02-02\", \"voidedEventId\": \"" + closure
                + "\", \"reason\": \"Closed by mistake\"}", 201);
        given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("version", equalTo(3));
        post(id, EventExamples.STORY.get("RiskRaised"), 201);
    }

    @Test
    void a_void_that_would_break_later_history_is_refused() {
        var id = formDrive();
        var secured = (ObjectNode) readTree(EventExamples.STORY.get("FundingSecured"));
        var securedId = UUID.randomUUID();
        secured.put("eventId", securedId.toString());
        post(id, secured, 201);
        post(id, EventExamples.STORY.get("FundingEnded"), 201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"type\": \"EventVoided\", \"occurredAt\": \"2026-11-02\", \"voidedEventId\": \"" + securedId
                        + "\", \"reason\": \"wrong\"}")
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(409).body("type", equalTo("/problems/void-breaks-history"));
        assertThat(streamLength(id)).isEqualTo(3);
    }

    static Object readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** type, a field to change, its bad value (JSON), the status and the field or problem type expected. */
    static Stream<Arguments> invalidCases() {
        return Stream.of(
                Arguments.of("PartnerJoined", "sector", "\"NGO\"", 400, "sector"),
                Arguments.of("PartnerJoined", "orgId", "null", 400, "orgId"),
                Arguments.of("PartnerJoined", "orgId", "\"respect\"", 409, "/problems/already-a-partner"),
                Arguments.of("PartnerJoined", "contribution", "\"" + "x".repeat(501) + "\"", 400, "contribution"),
                Arguments.of("PartnerLeft", "reason", "\"BORED\"", 400, "reason"),
                Arguments.of("PartnerLeft", "orgId", "\"nobody\"", 409, "/problems/not-a-partner"),
                Arguments.of("PartnershipTypeConfirmed", "understoodType", "\"FRIENDLY\"", 400, "understoodType"),
                Arguments.of("PartnershipTypeConfirmed", "orgId", "\"nobody\"", 409, "/problems/not-a-partner"),
                Arguments.of("MeetingHeld", "kind", "\"PARTY\"", 400, "kind"),
                Arguments.of("MeetingHeld", "attendees", "[]", 400, "attendees"),
                Arguments.of("TrustSurveyRecorded", "trust", "6", 400, "trust"),
                Arguments.of("TrustSurveyRecorded", "openness", "2.5", 400, "openness"),
                Arguments.of("TrustSurveyRecorded", "ratedOrg", "\"respect\"", 400, "ratedOrg"),
                Arguments.of("TrustSurveyRecorded", "reliability", "null", 400, "reliability"),
                Arguments.of("TrustSurveyRecorded", "ratedOrg", "\"nobody\"", 409, "/problems/not-a-partner"),
                Arguments.of("SharedGoalAgreed", "statement", "\"" + "x".repeat(1001) + "\"", 400, "statement"),
                Arguments.of("SharedGoalAgreed", "primary", "null", 400, "primary"),
                Arguments.of("SharedGoalAgreed", "endorsedBy", "[\"nobody\"]", 409, "/problems/not-a-partner"),
                Arguments.of("SharedGoalRevised", "change", "\"TWEAKED\"", 400, "change"),
                Arguments.of("SharedGoalRevised", "statement", "null", 400, "statement"),
                Arguments.of("SharedGoalRevised", "goalId", "\"no-such-goal\"", 409, "/problems/unknown-goal"),
                Arguments.of("CapabilityAssessmentHeld", "orgIds", "[]", 400, "orgIds"),
                Arguments.of("CapabilityAssessmentHeld", "orgIds", "[\"nobody\"]", 409, "/problems/not-a-partner"),
                Arguments.of("HealthCheckCompleted", "instrument", "\"GALLUP\"", 400, "instrument"),
                Arguments.of("HealthCheckCompleted", "scaleMax", "1", 400, "scaleMax"),
                Arguments.of("HealthCheckCompleted", "respondents", "0", 400, "respondents"),
                Arguments.of("HealthCheckCompleted", "factorScores", "[{\"code\": \"P9\", \"mean\": 3, \"n\": 1}]",
                        400, "factorScores[0].code"),
                Arguments.of("HealthCheckCompleted", "factorScores",
                        "[{\"code\": \"MUTUAL_RESPECT\", \"mean\": 7, \"n\": 1}]", 400, "factorScores[0].mean"),
                Arguments.of("AgreementSigned", "kind", "\"HANDSHAKE\"", 400, "kind"),
                Arguments.of("AgreementSigned", "reviewBy", "\"2029-01-01\"", 400, "reviewBy"),
                Arguments.of("AgreementSigned", "covers", "[\"SNACKS\"]", 400, "covers[0]"),
                Arguments.of("AgreementSigned", "signatories", "[\"nobody\"]", 409, "/problems/not-a-partner"),
                Arguments.of("ChairAppointed", "role", "\"KING\"", 400, "role"),
                Arguments.of("ChairAppointed", "personRef", "\"\"", 400, "personRef"),
                Arguments.of("ChairAppointed", "orgId", "\"nobody\"", 409, "/problems/not-a-partner"),
                Arguments.of("LeadershipChanged", "role", "\"MASCOT\"", 400, "role"),
                Arguments.of("LeadershipChanged", "effectiveOn", "\"soon\"", 400, "effectiveOn"),
                Arguments.of("LeadershipChanged", "orgId", "\"nobody\"", 409, "/problems/not-a-partner"),
                Arguments.of("FundingSecured", "amount", "0", 400, "amount"),
                Arguments.of("FundingSecured", "currency", "\"XYZ\"", 400, "currency"),
                Arguments.of("FundingSecured", "endsOn", "\"2026-01-01\"", 400, "endsOn"),
                Arguments.of("FundingSecured", "funder", "{\"funderId\": \"t\", \"kind\": \"FRIEND\"}", 400,
                        "funder.kind"),
                Arguments.of("ContinuationPlanRecorded", "route", "\"HOPE\"", 400, "route"),
                Arguments.of("ContinuationPlanRecorded", "staffFte", "-1", 400, "staffFte"),
                Arguments.of("ContinuationPlanRecorded", "fundingIds", "[\"no-such-grant\"]", 409,
                        "/problems/unknown-funding"),
                Arguments.of("FundingEnded", "early", "null", 400, "early"),
                Arguments.of("FundingEnded", "fundingId", "\"no-such-grant\"", 409, "/problems/unknown-funding"),
                Arguments.of("ResourceCommitted", "kind", "\"GOODWILL\"", 400, "kind"),
                Arguments.of("ResourceCommitted", "to", "\"2026-01-01\"", 400, "to"),
                Arguments.of("ResourceCommitted", "orgId", "\"nobody\"", 409, "/problems/not-a-partner"),
                Arguments.of("MeasureDefined", "direction", "\"SIDEWAYS\"", 400, "direction"),
                Arguments.of("MeasureDefined", "baseline", "null", 400, "baseline"),
                Arguments.of("MeasureDefined", "goalId", "\"no-such-goal\"", 409, "/problems/unknown-goal"),
                Arguments.of("MeasureRecorded", "value", "\"lots\"", 400, "value"),
                Arguments.of("MeasureRecorded", "measureId", "\"no-such-measure\"", 409, "/problems/unknown-measure"),
                Arguments.of("MilestoneSet", "dueOn", "null", 400, "dueOn"),
                Arguments.of("MilestoneSet", "goalId", "\"no-such-goal\"", 409, "/problems/unknown-goal"),
                Arguments.of("MilestoneReached", "milestoneId", "null", 400, "milestoneId"),
                Arguments.of("MilestoneReached", "milestoneId", "\"no-such\"", 409, "/problems/unknown-milestone"),
                Arguments.of("MilestoneRescheduled", "dropped", "true", 400, "dueOn"),
                Arguments.of("MilestoneRescheduled", "milestoneId", "\"no-such\"", 409, "/problems/unknown-milestone"),
                Arguments.of("PilotStarted", "location", "{\"name\": \"Essex\"}", 400, "location.code"),
                Arguments.of("PilotScaled", "kind", "\"VIRAL\"", 400, "kind"),
                Arguments.of("PilotScaled", "pilotId", "\"no-such\"", 409, "/problems/unknown-pilot"),
                Arguments.of("RiskRaised", "likelihood", "5", 400, "likelihood"),
                Arguments.of("RiskRaised", "category", "\"WEATHER\"", 400, "category"),
                Arguments.of("RiskResolved", "outcome", "\"FORGOTTEN\"", 400, "outcome"),
                Arguments.of("RiskResolved", "riskId", "\"no-such\"", 409, "/problems/unknown-risk"),
                Arguments.of("PartnershipPaused", "expectedResumeOn", "\"2028-01-01\"", 400, "expectedResumeOn"),
                Arguments.of("PartnershipPaused", "reason", "\"\"", 400, "reason"),
                Arguments.of("PartnershipResumed", "reason", "\"why not\"", 400, "reason"),
                Arguments.of("PartnershipResumed", "occurredAt", "\"2026-03-01\"", 409, "/problems/not-paused"),
                Arguments.of("PartnershipClosed", "reason", "\"BORED\"", 400, "reason"),
                Arguments.of("EventVoided", "voidedEventId", "\"not-a-uuid\"", 400, "voidedEventId"),
                Arguments.of("EventVoided", "voidedEventId", "\"" + UUID.randomUUID() + "\"", 409,
                        "/problems/unknown-event"),
                Arguments.of("SharedGoalRetired", "reason", "\"MEH\"", 400, "reason"),
                Arguments.of("SharedGoalRetired", "goalId", "\"no-such-goal\"", 409, "/problems/unknown-goal"),
                Arguments.of("MeasureRetired", "reason", "null", 400, "reason"),
                Arguments.of("MeasureRetired", "measureId", "\"no-such\"", 409, "/problems/unknown-measure"),
                Arguments.of("AgreementEnded", "reason", "\"LOST\"", 400, "reason"),
                Arguments.of("AgreementEnded", "agreementId", "\"no-such\"", 409, "/problems/unknown-agreement"));
    }

    @ParameterizedTest(name = "{0} with {1} = {2} answers {3}")
    @MethodSource("invalidCases")
    void invalid_events_are_refused_and_write_nothing(String type, String field, String badValue, int status,
            String expected) throws Exception {
        var id = formDrive();
        var body = (ObjectNode) JSON.readTree(EventExamples.STORY.get(type));
        body.remove("eventId");
        body.set(field, JSON.readTree(badValue));
        var answer = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body.toString())
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(status).contentType("application/problem+json");
        if (status == 400) {
            answer.body("type", equalTo("/problems/validation")).body("errors.field", hasItem(expected));
        } else {
            answer.body("type", equalTo(expected));
        }
        assertThat(streamLength(id)).isEqualTo(1);
    }

    @Test
    void every_type_names_a_missing_required_field() throws Exception {
        var id = formDrive();
        for (var entry : EventExamples.STORY.entrySet()) {
            var body = (ObjectNode) JSON.readTree(entry.getValue());
            body.remove("occurredAt");
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body.toString())
                    .when().post("/partnerships/" + id + "/events")
                    .then().statusCode(400).body("errors.field", hasItem("occurredAt"));
        }
        assertThat(streamLength(id)).isEqualTo(1);
    }

    @Test
    void unknown_fields_are_rejected_for_every_type() throws Exception {
        var id = formDrive();
        for (var entry : EventExamples.STORY.entrySet()) {
            var body = (ObjectNode) JSON.readTree(entry.getValue());
            body.put("colour", "blue");
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body.toString())
                    .when().post("/partnerships/" + id + "/events")
                    .then().statusCode(400).body("errors.field", hasItem("colour"));
        }
        assertThat(streamLength(id)).isEqualTo(1);
    }

}
