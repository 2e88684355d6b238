package org.rapport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.rapport.testing.Partnerships.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class EventApiTests {

    static int streamLength(UUID id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/events?limit=1000")
                .then().statusCode(200).extract().path("events.size()");
    }

    @Test
    void partners_record_a_meeting_and_read_it_back() {
        var id = Partnerships.form("respect", "safelives");
        var eventId = UUID.randomUUID();
        var location = given().auth().oauth2(Tokens.partner("safelives")).contentType(ContentType.JSON)
                .body(meeting(eventId, "2026-05-01T09:30:00Z", "respect", "safelives"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(201)
                .header("ETag", "\"2\"")
                .header("Location", containsString("/partnerships/" + id + "/events/" + eventId))
                .body("eventId", equalTo(eventId.toString()))
                .body("partnershipId", equalTo(id.toString()))
                .body("type", equalTo("MeetingHeld"))
                .body("schemaVersion", equalTo(1))
                .body("version", equalTo(2))
                .body("occurredAt", equalTo("2026-05-01T09:30:00Z"))
                .body("recordedBy", equalTo("person-of-safelives"))
                .body("voided", equalTo(false))
                .body("data.kind", equalTo("STEERING"))
                .body("data.attendees", hasSize(2))
                .extract().header("Location");

        given().auth().oauth2(Tokens.partner("respect")).when().get(location)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("data.attendees[0].seniority", equalTo("EXECUTIVE"));
        given().auth().oauth2(Tokens.partner("respect")).when().get("/partnerships/" + id)
                .then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void a_field_given_twice_a_nul_character_or_a_wrong_type_is_a_problem_naming_the_field() {
        var id = Partnerships.form("twice-a", "twice-b");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"type\": \"RiskRaised\", \"type\": \"MeetingHeld\", \"occurredAt\": \"2026-02-01\"}")
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type")).body("errors[0].message", equalTo("appears more than once"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"type\": \"RiskRaised\", \"occurredAt\": \"2026-02-01\", \"riskId\": \"r\\u0000\","
                        + " \"category\": \"FUNDING\", \"likelihood\": 2, \"impact\": 2}")
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("riskId")).body("errors[0].message", containsString("NUL"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"funderId\": \"typed\", \"name\": \"A funder\", \"kind\": 1.5}")
                .when().post("/admin/funders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
        assertThat(streamLength(id)).as("nothing recorded").isEqualTo(1);
    }

    @Test
    void a_meeting_given_as_a_date_happened_that_day_utc() {
        var id = Partnerships.form("respect", "safelives");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(meeting("2026-03-04", "respect", "safelives"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(201)
                .body("occurredAt", equalTo("2026-03-04T00:00:00Z"));
    }

    @Test
    void the_stream_pages_from_a_version_inclusive() {
        var id = Partnerships.form("a1", "b1");
        for (int day = 1; day <= 4; day++) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(meeting("2026-02-0" + day, "a1", "b1"))
                    .when().post("/partnerships/" + id + "/events").then().statusCode(201);
        }
        given().auth().oauth2(Tokens.partner("a1"))
                .when().get("/partnerships/" + id + "/events?fromVersion=3&limit=2")
                .then().statusCode(200)
                .body("events.version", equalTo(List.of(3, 4)))
                .body("next", equalTo(5));
    }

    @Test
    void if_match_on_a_stale_version_is_refused_and_writes_nothing() {
        var id = Partnerships.form("c1", "d1");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(meeting("2026-02-01", "c1", "d1"))
                .when().post("/partnerships/" + id + "/events").then().statusCode(201).header("ETag", "\"2\"");

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(meeting("2026-02-02", "c1", "d1"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/version-mismatch"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "W/\"2\"")
                .body(meeting("2026-02-02", "c1", "d1"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(412);
        assertThat(streamLength(id)).isEqualTo(2);
    }

    @Test
    void retrying_with_the_same_event_id_returns_the_stored_event_even_when_if_match_is_stale() {
        var id = Partnerships.form("e1", "f1");
        var eventId = UUID.randomUUID();
        var body = meeting(eventId, "2026-02-01T10:00:00Z", "e1", "f1");
        var first = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body).when().post("/partnerships/" + id + "/events")
                .then().statusCode(201).extract().asString();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(meeting("2026-02-02", "e1", "f1"))
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);

        var retry = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body).when().post("/partnerships/" + id + "/events")
                .then().statusCode(201).header("ETag", "\"2\"").extract().asString();
        assertThat(retry).isEqualTo(first);
        assertThat(streamLength(id)).isEqualTo(3);
    }

    @Test
    void the_same_event_id_with_a_different_body_is_a_conflict() {
        var id = Partnerships.form("g1", "h1");
        var eventId = UUID.randomUUID();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(meeting(eventId, "2026-02-01T10:00:00Z", "g1", "h1"))
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(meeting(eventId, "2026-02-03T10:00:00Z", "g1", "h1"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(409)
                .body("type", equalTo("/problems/event-id-conflict"))
                .body("offendingId", equalTo(eventId.toString()));
        assertThat(streamLength(id)).isEqualTo(2);
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_refuses_another_body() {
        var id = Partnerships.form("i1", "j1");
        var key = "key-" + UUID.randomUUID();
        var body = new HashMap<>(meeting("2026-02-01T10:00:00Z", "i1", "j1"));
        body.remove("eventId");
        var first = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(201).extract();
        var again = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(201).extract();
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));

        body.put("kind", "BOARD");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));
        assertThat(streamLength(id)).isEqualTo(2);
    }

    @Test
    void an_idempotency_key_covers_the_formation_of_a_partnership() {
        var key = "form-" + UUID.randomUUID();
        var body = Partnerships.formed("Twice asked", "k1", "l1");
        var first = given().auth().oauth2(Tokens.partner("k1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .when().post("/partnerships").then().statusCode(201).extract();
        var again = given().auth().oauth2(Tokens.partner("k1")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body)
                .when().post("/partnerships").then().statusCode(201).extract();
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.asString()).isEqualTo(first.asString());
    }

    @Test
    void a_batch_is_stored_whole_in_order() {
        var id = Partnerships.form("m1", "n1");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(List.of(meeting("2026-02-01", "m1", "n1"), meeting("2026-02-08", "m1", "n1"),
                        meeting("2026-02-15", "m1", "n1")))
                .when().post("/partnerships/" + id + "/events/batch")
                .then().statusCode(201)
                .header("ETag", "\"4\"")
                .body("version", equalTo(List.of(2, 3, 4)));
    }

    @Test
    void a_batch_with_one_bad_event_writes_nothing_and_names_the_element() {
        var id = Partnerships.form("o1", "p1");
        var bad = new HashMap<>(meeting("2026-02-08", "o1", "p1"));
        bad.put("format", "CARRIER_PIGEON");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(List.of(meeting("2026-02-01", "o1", "p1"), bad))
                .when().post("/partnerships/" + id + "/events/batch")
                .then().statusCode(400)
                .body("errors.field", hasItem("[1].format"));

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(List.of(meeting("2026-02-01", "o1", "p1"), meeting("2026-02-08", "o1", "stranger")))
                .when().post("/partnerships/" + id + "/events/batch")
                .then().statusCode(409)
                .body("type", equalTo("/problems/not-a-partner"))
                .body("offendingId", equalTo("stranger"));
        assertThat(streamLength(id)).isEqualTo(1);
    }

    @Test
    void batches_hold_one_to_a_hundred_events() {
        var id = Partnerships.form("q1", "r1");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(List.of())
                .when().post("/partnerships/" + id + "/events/batch").then().statusCode(400);
        var tooMany = java.util.stream.IntStream.range(0, 101).mapToObj(i -> meeting("2026-02-01", "q1", "r1")).toList();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(tooMany)
                .when().post("/partnerships/" + id + "/events/batch").then().statusCode(400);
        assertThat(streamLength(id)).isEqualTo(1);
    }

    @Test
    void a_meeting_with_someone_outside_the_partnership_breaks_a_rule() {
        var id = Partnerships.form("s1", "t1");
        given().auth().oauth2(Tokens.partner("s1")).contentType(ContentType.JSON)
                .body(meeting("2026-02-01", "s1", "acme"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-a-partner"))
                .body("offendingId", equalTo("acme"));
    }

    @Test
    void a_meeting_before_the_partnership_was_formed_breaks_a_rule() {
        var id = Partnerships.form("u1", "v1");
        given().auth().oauth2(Tokens.partner("u1")).contentType(ContentType.JSON)
                .body(meeting("2026-01-11T23:59:59Z", "u1", "v1"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(409)
                .body("type", equalTo("/problems/occurred-before-formation"));
        given().auth().oauth2(Tokens.partner("u1")).contentType(ContentType.JSON)
                .body(meeting("2026-01-12T00:00:00Z", "u1", "v1"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(201);
    }

    @Test
    void every_invalid_field_of_a_meeting_is_named() {
        var id = Partnerships.form("w1", "x1");
        Map<String, Object> body = new HashMap<>();
        body.put("type", "MeetingHeld");
        body.put("occurredAt", "yesterday");
        body.put("kind", "STEERING");
        body.put("attendees", List.of(Map.of("personRef", "", "orgId", "w1", "seniority", "EXECUTIVE")));
        given().auth().oauth2(Tokens.partner("w1")).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("occurredAt"))
                .body("errors.field", hasItem("format"))
                .body("errors.field", hasItem("attendees"))
                .body("errors.field", hasItem("attendees[0].personRef"));

        var unknownType = new HashMap<>(meeting("2026-02-01", "w1", "x1"));
        unknownType.put("type", "PicnicHeld");
        given().auth().oauth2(Tokens.partner("w1")).contentType(ContentType.JSON).body(unknownType)
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));

        var badSeniority = new HashMap<>(meeting("2026-02-01", "w1", "x1"));
        badSeniority.put("attendees", List.of(Map.of("personRef", "a", "orgId", "w1", "seniority", "BOSS"),
                Map.of("personRef", "b", "orgId", "x1", "seniority", "STAFF")));
        given().auth().oauth2(Tokens.partner("w1")).contentType(ContentType.JSON).body(badSeniority)
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(400).body("errors[0].field", equalTo("attendees[0].seniority"));
        assertThat(streamLength(id)).isEqualTo(1);
    }

    @Test
    void a_partnership_formed_elsewhere_cannot_be_recorded_into_by_an_outsider() {
        var id = Partnerships.form("y1", "z1");
        given().auth().oauth2(Tokens.partner("outsider")).contentType(ContentType.JSON)
                .body(meeting("2026-02-01", "y1", "z1"))
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(meeting("2026-02-01", "y1", "z1"))
                .when().post("/partnerships/" + UUID.randomUUID() + "/events")
                .then().statusCode(404);
        assertThat(streamLength(id)).isEqualTo(1);
    }

    @Test
    void formation_is_not_an_event_to_record_into_a_stream() {
        var id = Partnerships.form("aa", "bb");
        var body = new HashMap<String, Object>(Partnerships.formed("Again", "aa", "bb"));
        body.put("type", "PartnershipFormed");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
    }
}
