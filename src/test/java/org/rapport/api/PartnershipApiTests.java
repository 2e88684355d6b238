package org.rapport.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.testing.Partnerships.formed;

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
class PartnershipApiTests {

    @Test
    void a_partner_forms_a_partnership_with_its_own_organisation_among_the_founders() {
        var location = given().auth().oauth2(Tokens.partner("respect")).contentType(ContentType.JSON)
                .body(formed("Drive", "respect", "safelives", "social-finance"))
                .when().post("/partnerships")
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", containsString("/partnerships/"))
                .body("name", equalTo("Drive"))
                .body("version", equalTo(1))
                .body("formedOn", equalTo("2026-01-12"))
                .body("partners.orgId", equalTo(List.of("respect", "safelives", "social-finance")))
                .extract().header("Location");

        given().auth().oauth2(Tokens.partner("safelives"))
                .when().get(location)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("partnershipType", equalTo("COLLABORATIVE"));

        given().auth().oauth2(Tokens.partner("safelives"))
                .when().get(location + "/events")
                .then().statusCode(200)
                .body("events", hasSize(1))
                .body("events[0].type", equalTo("PartnershipFormed"))
                .body("events[0].version", equalTo(1))
                .body("events[0].recordedBy", equalTo("person-of-respect"))
                .body("events[0].voided", equalTo(false))
                .body("events[0].data.foundingPartners", hasSize(3));
    }

    @Test
    void an_unchanged_partnership_answers_304_to_its_etag() {
        var id = Partnerships.form("alpha", "beta");
        given().auth().oauth2(Tokens.partner("alpha")).header("If-None-Match", "\"1\"")
                .when().get("/partnerships/" + id)
                .then().statusCode(304);
    }

    @Test
    void a_partner_cannot_form_a_partnership_for_other_organisations() {
        given().auth().oauth2(Tokens.partner("outsider")).contentType(ContentType.JSON)
                .body(formed("Not mine", "respect", "safelives"))
                .when().post("/partnerships")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-a-founder"));
    }

    @Test
    void an_admin_may_form_any_partnership() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(formed("Council-led", "council", "charity"))
                .when().post("/partnerships")
                .then().statusCode(201);
    }

    @Test
    void another_organisations_partnership_is_not_found() {
        var id = Partnerships.form("gamma", "delta");
        given().auth().oauth2(Tokens.partner("epsilon"))
                .when().get("/partnerships/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body(not(containsString("gamma")));
        given().auth().oauth2(Tokens.partner("epsilon"))
                .when().get("/partnerships/" + id + "/events")
                .then().statusCode(404);
    }

    @Test
    void every_invalid_field_of_a_formation_is_named() {
        var body = new HashMap<String, Object>(formed("", "solo"));
        body.put("partnershipType", "FRIENDLY");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body)
                .when().post("/partnerships")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("partnershipType"))
                .body("errors[0].message", containsString("SECONDMENT"));

        var tooFew = new HashMap<String, Object>(formed("", "solo"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(tooFew)
                .when().post("/partnerships")
                .then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("foundingPartners"));
    }

    @Test
    void unknown_fields_are_rejected() {
        var body = new HashMap<String, Object>(formed("Drive", "respect", "safelives"));
        body.put("budget", 1000);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body)
                .when().post("/partnerships")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("budget"));
    }

    @Test
    void a_formation_more_than_a_day_ahead_is_refused() {
        var body = new HashMap<String, Object>(formed("Drive", "respect", "safelives"));
        body.put("occurredAt", "2999-01-01");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body)
                .when().post("/partnerships")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void no_token_no_entry() {
        given().contentType(ContentType.JSON).body(formed("Drive", "respect", "safelives"))
                .when().post("/partnerships")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"));
    }

    @Test
    void tokens_that_fail_verification_are_refused() {
        for (var token : List.of(Tokens.expired("respect"), Tokens.signedByAStranger("respect"),
                Tokens.fromAnotherIssuer("respect"))) {
            given().auth().oauth2(token)
                    .when().get("/partnerships/" + UUID.randomUUID())
                    .then().statusCode(401);
        }
    }

    static double metric(String name) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void a_verified_token_is_reused_but_never_past_its_expiry() throws InterruptedException {
        var expiry = java.time.Instant.now().plusSeconds(3);
        var token = Tokens.expiringAt("respect", expiry);
        var verified = metric("rapport_security_token_verifications_total");
        var reused = metric("rapport_security_token_reuses_total");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/partnerships/" + UUID.randomUUID()).then().statusCode(404);
        }
        assertThat(metric("rapport_security_token_verifications_total") - verified).isEqualTo(1);
        assertThat(metric("rapport_security_token_reuses_total") - reused).isEqualTo(2);

        Thread.sleep(java.time.Duration.between(java.time.Instant.now(), expiry).plusMillis(1_100));
        // Past its expiry the token is verified again, and smallrye-jwt's own rules (its grace
        // period for clock skew included) decide.
        given().auth().oauth2(token).when().get("/partnerships/" + UUID.randomUUID());
        assertThat(metric("rapport_security_token_verifications_total") - verified).isEqualTo(2);
        assertThat(metric("rapport_security_token_reuses_total") - reused).isEqualTo(2);
    }

    @Test
    void malformed_json_is_a_problem_not_a_stack_trace() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": ")
                .when().post("/partnerships")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @Test
    void only_json_is_accepted() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.TEXT)
                .body("name=Drive")
                .when().post("/partnerships")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void an_oversized_body_is_refused_with_a_problem() {
        var huge = "x".repeat(2 * 1024 * 1024);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", huge))
                .when().post("/partnerships")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/body-too-large"));
    }

    @Test
    void each_problem_type_has_a_page() {
        given().when().get("/problems/not-a-partner")
                .then().statusCode(200)
                .body(containsString("Not a partner"));
        given().when().get("/problems/no-such-thing")
                .then().statusCode(404);
    }

    @Test
    void operators_reach_probes_and_docs_without_a_token() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Reactive PostgreSQL connections health check"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/partnerships/{id}/events"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("rapport_feed_held_back_events"));
    }

    @Test
    void frontends_on_configured_origins_may_call_the_api() {
        given().header("Origin", "https://app.example.org").header("Access-Control-Request-Method", "POST")
                .when().options("/partnerships")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.org");
        var other = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/partnerships").then().extract();
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
}
