package org.rapport.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.rapport.testing.Partnerships.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class HealthApiTests {

    static void record(UUID id, Object body) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);
    }

    static int trust(UUID id, String query) {
        Integer trust = given().auth().oauth2(Tokens.partner("h-a")).when().get("/partnerships/" + id + "/health" + query)
                .then().statusCode(200).extract().path("dimensions.trust.score");
        return trust == null ? -1 : trust;
    }

    @Test
    void partners_see_their_health_explained_and_stored_with_each_append() throws Exception {
        var id = Partnerships.form("h-a", "h-b");
        var today = LocalDate.now();
        record(id, meeting(today.minusDays(40).toString(), "h-a", "h-b"));
        var meetingId = UUID.randomUUID();
        record(id, meeting(meetingId, today.minusDays(10).toString(), "h-a", "h-b"));

        given().auth().oauth2(Tokens.partner("h-b")).when().get("/partnerships/" + id + "/health")
                .then().statusCode(200)
                .body("paramsVersion", equalTo("2"))
                .body("status", notNullValue())
                .body("statusReasons", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                .body("dimensions.trust.basis", equalTo("OBSERVED"))
                .body("dimensions.trust.reasons[0].kind", equalTo("TERM"))
                .body("dimensions.trust.reasons[0].possible", equalTo(100.0f))
                .body("dimensions.trust.score", notNullValue())
                .body("dimensions.trust.reasons[0].rule", equalTo("relationship"))
                .body("dimensions.sustainability.score", nullValue())
                .body("dimensions.sustainability.confidence", equalTo("NONE"))
                .body("dimensions.sustainability.notAssessed.rule", org.hamcrest.Matchers.hasItem("runway"));

        try (var connection = LocalInfrastructure.connect(); var select = connection.prepareStatement(
                "select version, health_status, health -> 'dimensions' -> 'trust' ->> 'score' from partnerships where id = ?")) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(3);
                assertThat(rows.getString(2)).isNotBlank();
                assertThat(rows.getInt(3)).isEqualTo(trust(id, ""));
            }
        }
    }

    @Test
    void as_of_a_past_day_answers_from_what_had_occurred_by_then() {
        var id = Partnerships.form("h-a", "h-b");
        var today = LocalDate.now();
        record(id, meeting(today.minusDays(100).toString(), "h-a", "h-b"));
        record(id, meeting(today.minusDays(5).toString(), "h-a", "h-b"));
        assertThat(trust(id, "?asOf=" + today.minusDays(50))).isLessThan(trust(id, ""));
        given().auth().oauth2(Tokens.partner("h-a")).when().get("/partnerships/" + id + "/health?asOf=2026-01-01")
                .then().statusCode(200).body("status", equalTo("NOT_ENOUGH_DATA")).body("overall", nullValue());
        assertThat(trust(id, "?asOf=" + today)).isEqualTo(trust(id, ""));
    }

    @Test
    void known_at_ignores_what_was_recorded_later() throws Exception {
        var id = Partnerships.form("h-a", "h-b");
        var today = LocalDate.now();
        record(id, meeting(today.minusDays(30).toString(), "h-a", "h-b"));
        var before = Instant.now();
        Thread.sleep(20);
        record(id, meeting(today.minusDays(3).toString(), "h-a", "h-b"));
        assertThat(trust(id, "?asOf=" + today + "&knownAt=" + before)).isLessThan(trust(id, "?asOf=" + today));
    }

    @Test
    void a_void_recorded_later_does_not_change_what_was_known_before() throws Exception {
        var id = Partnerships.form("h-a", "h-b");
        var today = LocalDate.now();
        var meetingId = UUID.randomUUID();
        record(id, meeting(meetingId, today.minusDays(3).toString(), "h-a", "h-b"));
        var before = Instant.now();
        var trustWithMeeting = trust(id, "");
        Thread.sleep(20);
        record(id, java.util.Map.of("type", "EventVoided", "occurredAt", today.toString(),
                "voidedEventId", meetingId.toString(), "reason", "wrong partnership"));
        assertThat(trust(id, "")).isEqualTo(-1);
        assertThat(trust(id, "?knownAt=" + before)).isEqualTo(trustWithMeeting);
    }

    @Test
    void the_history_has_one_point_per_step_and_at_most_400() {
        var id = Partnerships.form("h-a", "h-b");
        given().auth().oauth2(Tokens.partner("h-a"))
                .when().get("/partnerships/" + id + "/health/history?from=2026-01-01&to=2026-06-30&step=P1M")
                .then().statusCode(200)
                .body("points", hasSize(6))
                .body("points[0].scores.trust", nullValue());
        given().auth().oauth2(Tokens.partner("h-a"))
                .when().get("/partnerships/" + id + "/health/history?from=2020-01-01&to=2026-06-30&step=P1D")
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
        given().auth().oauth2(Tokens.partner("h-a"))
                .when().get("/partnerships/" + id + "/health/history?step=P2Y")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.partner("outsider"))
                .when().get("/partnerships/" + id + "/health/history")
                .then().statusCode(404);
    }

    @Test
    void the_history_is_anchored_at_to_and_steps_back_by_calendar_months() {
        var id = Partnerships.form("h-a", "h-b");
        var to = "2026-05-31T23:59:59.999999999Z";
        var history = given().auth().oauth2(Tokens.partner("h-a"))
                .when().get("/partnerships/" + id + "/health/history?from=2026-02-15&to=2026-05-31&step=P1M")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("points.asOf", String.class)).as("ascending, the last at to, none before from")
                .containsExactly("2026-02-28T23:59:59.999999999Z", "2026-03-31T23:59:59.999999999Z",
                        "2026-04-30T23:59:59.999999999Z", to);
        assertThat(Instant.parse(history.getString("to"))).isEqualTo(Instant.parse(to));

        var at = "2026-05-20T09:30:00Z";
        var weekly = given().auth().oauth2(Tokens.partner("h-a"))
                .when().get("/partnerships/" + id + "/health/history?from=2026-05-06T09:30:00Z&to=" + at + "&step=P1W")
                .then().statusCode(200).extract().jsonPath().getList("points.asOf", String.class);
        assertThat(weekly).as("from itself is a point when a whole number of steps back")
                .containsExactly("2026-05-06T09:30:00Z", "2026-05-13T09:30:00Z", at);

        var year = "/partnerships/" + id + "/health/history?from=2025-05-31T23:59:59.999999999Z&to=2026-05-31&step=P1D";
        given().auth().oauth2(Tokens.partner("h-a")).when().get(year)
                .then().statusCode(200).body("points", hasSize(366)).body("points[365].asOf", equalTo(to));
        given().auth().oauth2(Tokens.partner("h-a"))
                .when().get("/partnerships/" + id + "/health/history?from=2025-04-27&to=2026-05-31&step=P1D")
                .then().statusCode(200).body("points", hasSize(400));
        given().auth().oauth2(Tokens.partner("h-a"))
                .when().get("/partnerships/" + id + "/health/history?from=2025-04-26&to=2026-05-31&step=P1D")
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("step"));
    }

    @Test
    void the_parameter_set_behind_a_score_is_published_and_the_first_model_stays_served() {
        given().auth().oauth2(Tokens.partner("h-a")).when().get("/health-model/2")
                .then().statusCode(200)
                .body("version", equalTo("2"))
                .body("graceDays", equalTo(90))
                .body("chairExpectedFromDay", equalTo(180))
                .body("meetingHalfLifeDays", equalTo(90))
                .body("overallWeights.TRUST", equalTo(0.25f));
        for (var v1 : java.util.List.of("1", "2026-11-v1")) {
            given().auth().oauth2(Tokens.partner("h-a")).when().get("/health-model/" + v1)
                    .then().statusCode(200)
                    .body("version", equalTo("2026-11-v1"))
                    .body("graceDays", equalTo(0))
                    .body("chairExpectedFromDay", equalTo(0));
        }
        given().auth().oauth2(Tokens.partner("h-a")).when().get("/health-model/1999")
                .then().statusCode(404);
    }

    @Test
    void every_alert_code_is_listed_in_plain_words_beside_the_parameter_sets() {
        var listed = given().auth().oauth2(Tokens.funder("h-funder")).when().get("/health-model/alerts")
                .then().statusCode(200).extract().jsonPath();
        java.util.List<String> codes = listed.getList("code");
        java.util.List<String> labels = listed.getList("label");
        assertThat(codes).as("every code, in the model's order").containsExactlyElementsOf(
                java.util.Arrays.stream(org.rapport.domain.health.AlertCode.values()).map(Enum::name).toList());
        assertThat(labels).as("a phrase each, none repeated and none a code").doesNotHaveDuplicates()
                .allSatisfy(label -> assertThat(label).isNotBlank().doesNotContain("_"));
        assertThat(listed.getString("find { it.code == 'FUNDING_CLIFF' }.label"))
                .isEqualTo("Funding ends soon with no agreed plan to continue");
        assertThat(listed.getString("find { it.code == 'LOW_TRUST_PAIR' }.label"))
                .isEqualTo("Low trust between two partners");
        given().auth().oauth2(Tokens.partner("h-a")).when().get("/health-model/2")
                .then().statusCode(200).body("version", equalTo("2"));
        given().when().get("/health-model/alerts").then().statusCode(401);
    }

    @Test
    void another_organisation_cannot_see_the_health() {
        var id = Partnerships.form("h-a", "h-b");
        given().auth().oauth2(Tokens.partner("h-c")).when().get("/partnerships/" + id + "/health")
                .then().statusCode(404);
    }
}
