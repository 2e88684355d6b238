package org.rapport.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.domain.health.SeedStories.DRIVE;
import static org.rapport.domain.health.SeedStories.TODAY;
import static org.rapport.domain.health.SeedStories.driveLike;
import static org.rapport.domain.health.SeedStories.youngAndThriving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.domain.EventCatalog;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.LeadershipChanged;
import org.rapport.domain.PartnershipPaused;
import org.rapport.domain.PartnershipResumed;
import org.rapport.domain.Sector;
import org.rapport.domain.health.Timeline;
import org.rapport.testing.Funders;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Tokens;

/**
 * The seed stories of the health model told through the API, stored in PostgreSQL and assessed
 * as a client asks (time travel to the day each story is told): the same verdicts the domain
 * gives them in WorkedExpectationsTest.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class SeedStoriesApiTests {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);


    /** A request body for one event of a story: its type, when it occurred and its payload's fields. */
    static ObjectNode body(HistoricEvent e) {
        var node = (ObjectNode) JSON.valueToTree(e.payload());
        var body = JSON.createObjectNode();
        body.put("type", EventCatalog.of(e.payload()).name());
        body.put("eventId", e.eventId().toString());
        body.put("occurredAt", e.occurredAt().toString());
        body.setAll(node);
        return body;
    }

    /** Records a story as a client would: the formation, then the rest in batches, in its order. */
    static UUID record(Timeline story) {
        Funders.register("home-office", "tudor-trust");
        var formation = body(story.events.get(0));
        formation.remove("type");
        var location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(formation.toString())
                .when().post("/partnerships").then().statusCode(201).extract().header("Location");
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        var rest = story.events.subList(1, story.events.size());
        for (int from = 0; from < rest.size(); from += 100) {
            var batch = JSON.createArrayNode();
            rest.subList(from, Math.min(rest.size(), from + 100)).forEach(e -> batch.add(body(e)));
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(batch.toString())
                    .when().post("/partnerships/" + id + "/events/batch").then().statusCode(201);
        }
        return id;
    }

    static JsonNode health(UUID id, LocalDate asOf) {
        var text = given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/health?asOf=" + asOf)
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> alerts(JsonNode health) {
        var codes = new ArrayList<String>();
        health.path("alerts").forEach(a -> codes.add(a.path("code").asText()));
        return codes;
    }

    static int score(JsonNode health, String dimension) {
        return health.path("dimensions").path(dimension).path("score").asInt();
    }

    @Test
    void drive_is_green_with_trust_of_at_least_80() {
        var health = health(record(driveLike(TODAY.minusDays(2), LocalDate.of(2028, 1, 20), false)), TODAY);
        assertThat(health.path("paramsVersion").asText()).isEqualTo("2");
        assertThat(health.path("status").asText()).as("%s", health).isEqualTo("GREEN");
        assertThat(score(health, "trust")).isGreaterThanOrEqualTo(80);
        assertThat(health.path("statusReasons").get(0).asText()).startsWith("overall ");
    }

    @Test
    void a_chief_executive_changed_last_week_costs_about_15_points_and_a_post_vacant_60_days_makes_it_amber() {
        var steady = health(record(driveLike(TODAY.minusDays(10), LocalDate.of(2028, 1, 20), false)), TODAY);
        var changed = health(record(driveLike(TODAY.minusDays(10), LocalDate.of(2028, 1, 20), false)
                .on(TODAY.minusDays(7), new LeadershipChanged("safelives", LeadershipChanged.Role.CHIEF_EXECUTIVE,
                        "new-ce", TODAY.minusDays(7), false))), TODAY);
        assertThat(score(steady, "trust") - score(changed, "trust")).isBetween(12, 16);
        assertThat(alerts(changed)).contains("NEW_LEADER_NOT_MET");
        assertThat(changed.path("alerts").get(0).path("prompt").asText()).contains("safelives")
                .doesNotContain(changed.path("alerts").get(0).path("eventIds").get(0).asText());

        var vacant = health(record(driveLike(TODAY.minusDays(2), LocalDate.of(2028, 1, 20), false)
                .on(TODAY.minusDays(60), new LeadershipChanged("safelives", LeadershipChanged.Role.CHIEF_EXECUTIVE,
                        null, TODAY.minusDays(60), false))), TODAY);
        assertThat(vacant.path("status").asText()).isEqualTo("AMBER");
        assertThat(alerts(vacant)).contains("POST_VACANT");
    }

    @Test
    void its_only_core_grant_ending_in_60_days_with_no_plan_makes_it_red_and_a_plan_is_the_first_next_step() {
        var health = health(record(driveLike(TODAY.minusDays(2), TODAY.plusDays(60), false)), TODAY);
        assertThat(health.path("status").asText()).isEqualTo("RED");
        var cliff = health.path("alerts").get(0);
        assertThat(cliff.path("code").asText()).isEqualTo("FUNDING_CLIFF");
        assertThat(cliff.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(cliff.path("since").asText()).isEqualTo(TODAY.plusDays(60).minusDays(180).toString());
        assertThat(cliff.path("severitySince").asText()).isEqualTo(TODAY.plusDays(60).minusDays(90).toString());
        assertThat(cliff.path("prompt").asText()).startsWith("The home-office funding of £500,000 ends on");
        assertThat(health.path("statusReasons").toString()).contains("1 critical alert open: funding cliff");
        var first = health.path("nextSteps").get(0);
        assertThat(first.path("addresses").toString()).contains("FUNDING_CLIFF");
        assertThat(first.path("events").get(0).path("type").asText()).isEqualTo("ContinuationPlanRecorded");
        assertThat(first.path("overallGain").asInt()).isPositive();
    }

    @Test
    void a_young_partnership_missing_only_its_records_is_green_over_day_180_and_never_red() {
        var formedOn = TODAY.minusDays(320);
        var id = record(youngAndThriving(formedOn, TODAY));
        var day179 = health(id, formedOn.plusDays(179));
        var day181 = health(id, formedOn.plusDays(181));
        assertThat(day179.path("status").asText()).isEqualTo("GREEN");
        assertThat(day181.path("status").asText()).isEqualTo("GREEN");
        assertThat(Math.abs(day181.path("overall").asInt() - day179.path("overall").asInt())).isLessThanOrEqualTo(2);
        assertThat(alerts(day181)).contains("NO_AGREEMENT", "NO_MEASURES");
        var day300 = health(id, formedOn.plusDays(300));
        assertThat(day300.path("status").asText()).isEqualTo("AMBER");
        assertThat(day300.path("dimensions").path("governance").path("basis").asText()).isEqualTo("MISSING_RECORDS");
    }

    @Test
    void drive_paused_for_90_days_and_resumed_looks_as_it_did_before_the_pause() {
        var pausedOn = TODAY.minusDays(100);
        var resumedOn = pausedOn.plusDays(90);
        var story = driveLike(pausedOn.minusDays(2), resumedOn.plusMonths(14), false);
        story.events.removeIf(e -> e.occurredAt().isAfter(pausedOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        story.on(pausedOn, new PartnershipPaused("between grants", resumedOn))
                .on(pausedOn.plusDays(30), org.rapport.domain.health.Timeline.seniorSteering(DRIVE))
                .on(resumedOn, new PartnershipResumed());
        var id = record(story);
        var before = health(id, pausedOn.minusDays(1));
        var during = health(id, pausedOn.plusDays(45));
        var after = health(id, resumedOn.plusDays(1));
        assertThat(during.path("status").asText()).isEqualTo("PAUSED");
        assertThat(during.path("dimensions")).isEqualTo(health(id, pausedOn).path("dimensions"));
        assertThat(after.path("status").asText()).isEqualTo(before.path("status").asText());
        // The meeting held during the pause counts from the resume day: trust cannot have faded.
        assertThat(score(after, "trust")).isGreaterThanOrEqualTo(score(before, "trust") - 1);
        assertThat(Math.abs(after.path("overall").asInt() - before.path("overall").asInt())).isLessThanOrEqualTo(3);
    }

    @Test
    void a_partnership_formed_today_shows_no_score_at_all() {
        var id = record(new Timeline().on(TODAY, Timeline.formed(org.rapport.domain.PartnershipType.COLLABORATIVE,
                Timeline.org("fresh-a", Sector.PUBLIC), Timeline.org("fresh-b", Sector.VOLUNTARY))));
        var health = health(id, TODAY);
        assertThat(health.path("status").asText()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(health.path("overall").isNull()).isTrue();
        health.path("dimensions").forEach(d -> assertThat(d.path("score").isNull()).isTrue());
    }
}
