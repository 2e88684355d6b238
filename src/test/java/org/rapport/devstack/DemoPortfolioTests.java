package org.rapport.devstack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Tokens;

/**
 * Dev mode's demonstration portfolio, recorded through the service's own use case: each story
 * ends in the status its story implies, and a portfolio is recorded only into an empty log.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class DemoPortfolioTests {

    @Inject
    DemoPortfolio demo;

    static String status(UUID id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/health").then()
                .statusCode(200).extract().jsonPath().getString("status");
    }

    @Test
    void each_story_has_the_status_its_story_implies_and_a_second_start_adds_nothing() throws Throwable {
        Map<String, UUID> told = VertxContextSupport.subscribeAndAwait(demo::record);
        assertThat(told).hasSize(6);
        assertThat(status(told.get("Drive"))).as("Drive").isEqualTo("GREEN");
        assertThat(status(told.get("Eastbrook"))).as("the quiet one").isEqualTo("RED");
        assertThat(status(told.get("Coastal Carers"))).as("the funding cliff").isEqualTo("RED");
        assertThat(status(told.get("Riverside Food"))).as("formed last week").isEqualTo("NOT_ENOUGH_DATA");
        assertThat(status(told.get("Holiday Lunches"))).isIn("GREEN", "AMBER");
        assertThat(status(told.get("Norfolk Housing"))).isIn("GREEN", "AMBER");

        var events = given().auth().oauth2(Tokens.admin()).when()
                .get("/partnerships/" + told.get("Drive") + "/events?limit=1000")
                .then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("events")).as("told event by event, as a client records them").hasSizeGreaterThan(40);
        assertThat(events.getString("events[0].data.name")).isEqualTo("The Drive Partnership");

        Map<String, UUID> again = VertxContextSupport.subscribeAndAwait(demo::recordIfEmpty);
        assertThat(again).as("a second start, into a log that has events, adds nothing").isEmpty();
    }
}
