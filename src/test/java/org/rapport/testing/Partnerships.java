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

    /** Forms a partnership of {@code orgIds} as the first of them; returns its id. */
    public static UUID form(String... orgIds) {
        var location = given().auth().oauth2(Tokens.partner(orgIds[0])).contentType(ContentType.JSON)
                .body(formed("Partnership of " + String.join(", ", orgIds), orgIds))
                .when().post("/partnerships")
                .then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }
}
