package org.rapport.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.domain.EventCatalog;
import org.rapport.domain.MeetingHeld;
import org.rapport.domain.PartnershipFormed;
import org.rapport.domain.health.HistoryGenerator;
import org.rapport.testing.Funders;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Tokens;

/**
 * Properties of the stored and served health over generated histories (seeded; a failure names
 * its seed): asOf today equals the current view, voiding an event equals never recording it,
 * a rebuild equals what the appends wrote.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class HealthPropertiesApiTests {

    static final int HISTORIES = 5;
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static ObjectNode request(HistoryGenerator.Dated dated) {
        ObjectNode node = JSON.valueToTree(dated.event());
        node.put("type", EventCatalog.of(dated.event()).name());
        node.put("eventId", dated.eventId().toString());
        node.put("occurredAt", dated.on().toString());
        return node;
    }

    static UUID record(List<HistoryGenerator.Dated> history) {
        Funders.register("funder0", "funder1", "funder2");
        var formation = request(history.get(0));
        formation.remove("type");
        var location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(formation.toString())
                .when().post("/partnerships").then().statusCode(201).extract().header("Location");
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        var rest = history.subList(1, history.size());
        for (int from = 0; from < rest.size(); from += 100) {
            ArrayNode batch = JSON.createArrayNode();
            rest.subList(from, Math.min(rest.size(), from + 100)).forEach(d -> batch.add(request(d)));
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(batch.toString())
                    .when().post("/partnerships/" + id + "/events/batch").then().statusCode(201);
        }
        return id;
    }

    /** The health without what names events or moments: scores, status, alert codes. */
    static Map<String, Object> scores(UUID id, String query) {
        var health = given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/health" + query)
                .then().statusCode(200).extract().jsonPath();
        return Map.of("status", health.getString("status"), "overall", String.valueOf((Object) health.get("overall")),
                "dimensions", health.getMap("dimensions").entrySet().stream()
                        .map(e -> e.getKey() + "=" + ((Map<?, ?>) e.getValue()).get("score")).sorted().toList(),
                "alerts", health.getList("alerts.code").stream().sorted().toList());
    }

    static List<HistoryGenerator.Dated> generate(long seed) {
        var prefix = "prop" + seed + "-" + UUID.randomUUID().toString().substring(0, 4);
        var today = LocalDate.now();
        return new HistoryGenerator(seed, prefix).history(today.minusDays(400), today.minusDays(1), 40);
    }

    @Test
    void as_of_today_equals_the_current_view() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            var id = record(generate(seed));
            assertThat(scores(id, "?asOf=" + LocalDate.now())).as("seed " + seed).isEqualTo(scores(id, ""));
        }
    }

    @Test
    void voiding_an_event_then_assessing_equals_never_recording_it() {
        for (long seed = 11; seed < 11 + HISTORIES; seed++) {
            var history = generate(seed);
            var voided = history.stream().filter(d -> d.event() instanceof MeetingHeld).findFirst();
            if (voided.isEmpty()) {
                continue;
            }
            var withVoid = record(history);
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("type", "EventVoided", "occurredAt", LocalDate.now().toString(),
                            "voidedEventId", voided.get().eventId().toString(), "reason", "recorded in error"))
                    .when().post("/partnerships/" + withVoid + "/events").then().statusCode(201);

            var never = new ArrayList<HistoryGenerator.Dated>();
            for (var d : history) {
                if (d != voided.get()) {
                    never.add(new HistoryGenerator.Dated(d.on(), d.event(), UUID.randomUUID()));
                }
            }
            var neverRecorded = record(never);
            assertThat(scores(withVoid, "")).as("seed " + seed).isEqualTo(scores(neverRecorded, ""));
            assertThat(history.get(0).event()).isInstanceOf(PartnershipFormed.class);
        }
    }

    @Test
    void a_rebuild_equals_the_inline_projection() throws Exception {
        var ids = new ArrayList<UUID>();
        for (long seed = 21; seed < 21 + HISTORIES; seed++) {
            ids.add(record(generate(seed)));
        }
        var inline = new ArrayList<List<Object>>();
        for (var id : ids) {
            inline.add(PortfolioAndReassessmentTests.row(id));
        }
        given().auth().oauth2(Tokens.admin()).when().post("/admin/projections/rebuild").then().statusCode(200);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(PortfolioAndReassessmentTests.row(ids.get(i))).as("history " + i).isEqualTo(inline.get(i));
        }
    }
}
