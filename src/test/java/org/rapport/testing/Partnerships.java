package org.rapport.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders of request bodies, written in the partnership's own terms. */
public final class Partnerships {

    private Partnerships() {
    }

    public static Map<String, Object> formed(String name, String... orgIds) {
        return Map.of("name", name, "partnershipType", "COLLABORATIVE", "occurredAt", "2026-01-12",
                "problemStatement", "Families wait too long for help.",
                "foundingPartners", java.util.Arrays.stream(orgIds)
                        .map(org -> Map.of("orgId", org, "name", "Org " + org, "sector", "VOLUNTARY")).toList());
    }

    public static Map<String, Object> meeting(String occurredAt, String... orgIds) {
        return meeting(UUID.randomUUID(), occurredAt, orgIds);
    }

    public static Map<String, Object> meeting(UUID eventId, String occurredAt, String... orgIds) {
        List<Map<String, Object>> attendees = java.util.Arrays.stream(orgIds)
                .map(org -> Map.<String, Object>of("personRef", "ce-" + org, "orgId", org, "seniority", "EXECUTIVE"))
                .toList();
        return Map.of("type", "MeetingHeld", "eventId", eventId.toString(), "occurredAt", occurredAt,
                "format", "IN_PERSON", "kind", "STEERING", "attendees", attendees);
    }

    /** Forms a partnership of {@code orgIds} of this name and type on {@code formedOn}, as an admin; returns its id. */
    public static UUID form(String name, String type, java.time.LocalDate formedOn, String... orgIds) {
        var body = new java.util.HashMap<String, Object>(formed(name, orgIds));
        body.put("partnershipType", type);
        body.put("occurredAt", formedOn.toString());
        var location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships").then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** A trust survey in which {@code respondent} gives {@code rated} the same rating on every question. */
    public static Map<String, Object> trustSurvey(String occurredAt, String respondent, String rated, int rating) {
        return Map.of("type", "TrustSurveyRecorded", "occurredAt", occurredAt, "surveyId", "survey-" + occurredAt,
                "respondentOrg", respondent, "ratedOrg", rated, "trust", rating, "reliability", rating,
                "openness", rating, "sharedInterest", rating);
    }

    /** Every row of the portfolio ({@code query}: "&sort=name"...) that the token sees, two a page, page after page. */
    public static List<Map<String, Object>> portfolio(String query, String token) {
        var rows = new java.util.ArrayList<Map<String, Object>>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(token)
                    .when().get("/partnerships?limit=2" + query + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            rows.addAll(page.<Map<String, Object>>getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        return rows;
    }

    /** Forms a partnership of {@code orgIds} as the first of them; returns its id. */
    public static UUID form(String... orgIds) {
        var location = given().auth().oauth2(Tokens.partner(orgIds[0])).contentType(ContentType.JSON)
                .body(formed("Partnership of " + String.join(", ", orgIds), orgIds))
                .when().post("/partnerships")
                .then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }
}
