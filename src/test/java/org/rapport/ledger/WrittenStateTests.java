package org.rapport.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.testing.Partnerships.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * An instance keeps the state of the streams it wrote and decides the next append on it while the
 * stream is still at that version; once another instance has appended, it decides on what that
 * instance wrote.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class WrittenStateTests {

    private static int record(UUID id, Object body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events").then().statusCode(201)
                .extract().path("version");
    }

    private static String name(UUID id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id)
                .then().statusCode(200).extract().path("name");
    }

    @Test
    void an_append_made_elsewhere_since_is_decided_on_and_kept() throws Exception {
        var id = Partnerships.form("ws-a", "ws-b");
        var day = LocalDate.now().minusDays(3).toString();
        assertThat(record(id, meeting(day, "ws-a", "ws-b"))).isEqualTo(2);
        assertThat(record(id, meeting(day, "ws-a", "ws-b"))).isEqualTo(3);
        var named = name(id);

        // Another instance appends version 4, and its state names the partnership differently.
        try (var c = LocalInfrastructure.connect(); var s = c.createStatement()) {
            assertThat(s.executeUpdate("insert into events (stream_id, version, event_id, type, schema_version, data,"
                    + " occurred_at, recorded_at, recorded_by) select stream_id, 4, gen_random_uuid(), type,"
                    + " schema_version, data, occurred_at, now(), 'elsewhere' from events"
                    + " where stream_id = '" + id + "' and version = 3")).isEqualTo(1);
            assertThat(s.executeUpdate("update partnerships set version = 4,"
                    + " state = jsonb_set(jsonb_set(state, '{name}', '\"Renamed elsewhere\"'), '{version}', '4')"
                    + " where id = '" + id + "'")).isEqualTo(1);
        }
        assertThat(named).isNotEqualTo("Renamed elsewhere");

        // This instance held the state at version 3: the next append must build on version 4's.
        assertThat(record(id, meeting(day, "ws-a", "ws-b"))).isEqualTo(5);
        assertThat(name(id)).isEqualTo("Renamed elsewhere");
        assertThat(record(id, meeting(day, "ws-a", "ws-b"))).isEqualTo(6);
        assertThat(name(id)).isEqualTo("Renamed elsewhere");
    }
}
