package org.rapport.eventstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/** Events stored in an older shape are read, followed and decided on in the current one. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class UpcastingTests {

    static final String OLD_SHAPE = """
            {"mode": "VIRTUAL", "level": "BOARD",
             "people": [{"ref": "ce-a", "org": "old-a", "senior": true}, {"ref": "m-b", "org": "old-b", "senior": false}]}""";

    /** Writes a meeting as the earlier release would have written it, as version 2 of the stream. */
    static UUID storeOldMeeting(UUID partnershipId) throws Exception {
        var eventId = UUID.randomUUID();
        try (var connection = LocalInfrastructure.connect(); var insert = connection.prepareStatement("""
                insert into events (stream_id, version, event_id, type, schema_version, data, occurred_at,
                                    recorded_at, recorded_by)
                values (?, 2, ?, 'MeetingNoted', 1, ?::jsonb, '2026-02-01T10:00:00Z', now(), 'an-earlier-release')""");
                var head = connection.prepareStatement("update partnerships set version = 2 where id = ?")) {
            insert.setObject(1, partnershipId);
            insert.setObject(2, eventId);
            insert.setString(3, OLD_SHAPE);
            insert.executeUpdate();
            head.setObject(1, partnershipId);
            head.executeUpdate();
        }
        return eventId;
    }

    @Test
    void an_event_stored_in_an_older_shape_is_read_as_the_current_version() throws Exception {
        var id = Partnerships.form("old-a", "old-b");
        var eventId = storeOldMeeting(id);

        given().auth().oauth2(Tokens.partner("old-a")).when().get("/partnerships/" + id + "/events/" + eventId)
                .then().statusCode(200)
                .body("type", equalTo("MeetingHeld"))
                .body("schemaVersion", equalTo(1))
                .body("data.format", equalTo("VIRTUAL"))
                .body("data.kind", equalTo("BOARD"))
                .body("data.attendees[0].personRef", equalTo("ce-a"))
                .body("data.attendees[0].orgId", equalTo("old-a"))
                .body("data.attendees[0].seniority", equalTo("EXECUTIVE"))
                .body("data.attendees[1].seniority", equalTo("STAFF"));

        var inFeed = given().auth().oauth2(Tokens.partner("old-a")).when().get("/events?limit=1000")
                .then().statusCode(200).extract().jsonPath()
                .getList("events.findAll { it.eventId == '" + eventId + "' }.type");
        assertThat(inFeed).containsExactly("MeetingHeld");
    }

    @Test
    void the_rules_read_old_events_in_their_current_shape() throws Exception {
        var id = Partnerships.form("old-a", "old-b");
        var eventId = storeOldMeeting(id);
        given().auth().oauth2(Tokens.partner("old-a")).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"type\": \"EventVoided\", \"occurredAt\": \"2026-02-02\", \"voidedEventId\": \"" + eventId
                        + "\", \"reason\": \"duplicate\"}")
                .when().post("/partnerships/" + id + "/events")
                .then().statusCode(201).header("ETag", "\"3\"");
        given().auth().oauth2(Tokens.partner("old-a")).when().get("/partnerships/" + id + "/events/" + eventId)
                .then().statusCode(200).body("voided", equalTo(true)).body("type", equalTo("MeetingHeld"));
    }
}
