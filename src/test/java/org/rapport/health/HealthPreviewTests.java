package org.rapport.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.rapport.testing.Partnerships.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.domain.PartnershipFormed;
import org.rapport.domain.health.HistoryGenerator;
import org.rapport.testing.Funders;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * POST /partnerships/{id}/health/preview: the health some events would lead to, decided like an
 * append and stored nowhere. Its promise is checked against the append itself: over generated
 * histories (seeded; a failure names its seed), a preview answers what the append then answers,
 * and each next step gains what it says it gains.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class HealthPreviewTests {

    /**
     * 500 histories, each recorded up to a random point then previewed and appended: about a
     * minute on this machine's 2 cores. The domain's own properties cover next steps over 500 more.
     */
    static final int HISTORIES = 500;
    /** 30 histories with next steps: some 200 steps previewed and 30 appended, 4 to 8 s. */
    static final int NEXT_STEP_HISTORIES = 30;

    /** The health facts the partnership's row keeps, as stored. */
    private static String facts(UUID id) throws Exception {
        try (var connection = LocalInfrastructure.connect(); var select = connection.prepareStatement(
                "select health_facts from partnerships where id = ?")) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    static Response preview(String token, UUID id, String body, Map<String, String> headers) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).headers(headers).body(body)
                .when().post("/partnerships/" + id + "/health/preview");
    }

    static Response append(UUID id, String body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events/batch");
    }

    static JsonNode health(UUID id) {
        return json(given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/health")
                .then().statusCode(200).extract().response());
    }

    static JsonNode json(Response response) {
        try {
            return HealthPropertiesApiTests.JSON.readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a health answer says, without what names events or moments. */
    static Map<String, Object> outcome(JsonNode health) {
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("status", health.path("status").asText());
        outcome.put("overall", health.path("overall").toString());
        health.path("dimensions").properties().forEach(d -> outcome.put(d.getKey(), d.getValue().path("score")
                .toString()));
        outcome.put("alerts", health.path("alerts").valueStream().map(a -> a.path("code").asText()).sorted().toList());
        outcome.put("nextSteps", health.path("nextSteps").valueStream().map(s -> s.path("text").asText()).toList());
        return outcome;
    }

    /** A refusal without where it was answered: the same problem from the preview and from the append. */
    static JsonNode problem(Response response) {
        var problem = (ObjectNode) json(response);
        problem.remove("instance");
        return problem;
    }

    static String version(UUID id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id).then().statusCode(200)
                .extract().header("ETag");
    }

    static String batch(List<? extends JsonNode> events) {
        ArrayNode batch = HealthPropertiesApiTests.JSON.createArrayNode();
        events.forEach(batch::add);
        return batch.toString();
    }

    static ObjectNode voiding(UUID eventId) {
        var node = HealthPropertiesApiTests.JSON.createObjectNode();
        node.put("type", "EventVoided");
        node.put("occurredAt", LocalDate.now().toString());
        node.put("voidedEventId", eventId.toString());
        node.put("reason", "recorded in error");
        return node;
    }

    static ObjectNode reachingUnknownMilestone() {
        var node = HealthPropertiesApiTests.JSON.createObjectNode();
        node.put("type", "MilestoneReached");
        node.put("occurredAt", LocalDate.now().toString());
        node.put("milestoneId", "never-set");
        return node;
    }

    /**
     * A partnership recorded up to a random point of a generated history, and a batch of what
     * follows: sometimes with a void of an earlier event, sometimes with an event its state refuses.
     */
    record Case(UUID id, String member, String batch) {
    }

    static Case generate(long seed) {
        var random = new Random(seed);
        var today = LocalDate.now();
        var history = new HistoryGenerator(seed, "preview" + seed + "-" + UUID.randomUUID().toString().substring(0, 4))
                .history(today.minusDays(60 + random.nextInt(900)), today.minusDays(1), 10 + random.nextInt(60));
        var member = ((PartnershipFormed) history.get(0).event()).foundingPartners().get(0).orgId();
        int cut = 1 + random.nextInt(history.size() - 1);
        var id = HealthPropertiesApiTests.record(history.subList(0, cut));
        var tail = new ArrayList<ObjectNode>();
        history.subList(cut, history.size()).stream().limit(99).forEach(d -> tail.add(HealthPropertiesApiTests.request(d)));
        int at = random.nextInt(tail.size() + 1);
        int kind = random.nextInt(6);
        if (kind < 2 && cut - 1 + at > 0) {
            // Any earlier event but the formation, stored or in the batch before the void.
            int target = 1 + random.nextInt(cut - 1 + at);
            var targetId = target < cut ? history.get(target).eventId()
                    : UUID.fromString(tail.get(target - cut).path("eventId").asText());
            tail.add(at, voiding(targetId));
        } else if (kind == 2) {
            tail.add(at, reachingUnknownMilestone());
        }
        return new Case(id, member, batch(tail));
    }

    @Test
    void a_preview_answers_what_the_append_of_the_same_batch_then_answers() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            var c = generate(seed);
            var previewed = preview(Tokens.partner(c.member()), c.id(), c.batch(), Map.of());
            var appended = append(c.id(), c.batch());
            var as = "seed " + seed + ", batch " + c.batch();
            if (appended.statusCode() != 201) {
                assertThat(previewed.statusCode()).as(as).isEqualTo(appended.statusCode());
                assertThat(problem(previewed)).as(as).isEqualTo(problem(appended));
                continue;
            }
            assertThat(previewed.statusCode()).as(as + ": " + previewed.asString()).isEqualTo(200);
            assertThat(outcome(json(previewed))).as(as).isEqualTo(outcome(health(c.id())));
        }
    }

    @Test
    void previewing_stores_nothing_publishes_nothing_and_remembers_no_key() throws Exception {
        var id = Partnerships.form("pv-a", "pv-b");
        var today = LocalDate.now();
        given().auth().oauth2(Tokens.partner("pv-a")).contentType(ContentType.JSON)
                .body(meeting(today.minusDays(20).toString(), "pv-a", "pv-b"))
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);
        var meetingId = UUID.randomUUID();
        var body = HealthPropertiesApiTests.JSON.valueToTree(List.of(meeting(meetingId, today.toString(), "pv-a", "pv-b")))
                .toString();

        var before = observe(id);
        var facts = facts(id);
        var previewed = preview(Tokens.partner("pv-b"), id, body, Map.of("Idempotency-Key", "preview-" + id,
                "If-Match", before.version()));
        assertThat(previewed.statusCode()).as(previewed.asString()).isEqualTo(200);
        assertThat(outcome(json(previewed))).as("the meeting counts").isNotEqualTo(before.health());
        assertThat(facts(id)).as("the health facts kept as they were").isEqualTo(facts);
        assertUnchanged(id, before);
        given().auth().oauth2(Tokens.partner("pv-a")).when().get("/partnerships/" + id + "/events/" + meetingId)
                .then().statusCode(404);
        try (var connection = LocalInfrastructure.connect(); var select = connection.prepareStatement(
                "select count(*) from idempotency_keys where key = ?")) {
            select.setString(1, "preview-" + id);
            try (var rows = select.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("idempotency keys remembered").isZero();
            }
        }

        // After another append, a preview again leaves the facts kept as they were.
        given().auth().oauth2(Tokens.partner("pv-a")).contentType(ContentType.JSON)
                .body(meeting(today.minusDays(10).toString(), "pv-a", "pv-b"))
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);
        facts = facts(id);
        assertThat(facts).as("an append keeps the facts it folded").isNotNull();
        before = observe(id);
        var previewedNow = preview(Tokens.admin(), id, body, Map.of());
        assertThat(previewedNow.statusCode()).isEqualTo(200);
        assertThat(facts(id)).isEqualTo(facts);
        assertUnchanged(id, before);

        // The previewed batch can still be appended, and then leads where the preview said; sent
        // again, it is a retry of stored events: the health now, whatever If-Match says.
        append(id, body).then().statusCode(201);
        assertThat(outcome(json(previewedNow))).isEqualTo(outcome(health(id)));
        var retried = preview(Tokens.admin(), id, body, Map.of("If-Match", before.version()));
        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
        assertThat(outcome(json(retried))).isEqualTo(outcome(health(id)));
    }

    /** What a preview must leave as it found: the stream's version, its stored row and health, the feed's end. */
    record Observed(String version, List<Object> row, Map<String, Object> health, String feedEnd) {
    }

    static Observed observe(UUID id) throws Exception {
        return new Observed(version(id), row(id), outcome(health(id)), feedEnd());
    }

    static void assertUnchanged(UUID id, Observed before) throws Exception {
        assertThat(version(id)).isEqualTo(before.version());
        assertThat(row(id)).isEqualTo(before.row());
        assertThat(outcome(health(id))).isEqualTo(before.health());
        given().auth().oauth2(Tokens.admin()).when().get("/events?after=" + before.feedEnd()).then().statusCode(200)
                .body("events.size()", equalTo(0));
    }

    /** The stored row: version, state, health view and the health outbox's records of it. */
    static List<Object> row(UUID id) throws Exception {
        try (var connection = LocalInfrastructure.connect(); var select = connection.prepareStatement(
                "select version, state::text, health::text, health_key,"
                        + " (select count(*) from health_outbox o where o.partnership_id = p.id)"
                        + " from partnerships p where id = ?")) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return List.of(rows.getLong(1), rows.getString(2), rows.getString(3), String.valueOf(rows.getString(4)),
                        rows.getLong(5));
            }
        }
    }

    /** Where the global feed resumes after everything stored so far. */
    static String feedEnd() {
        String after = "";
        while (true) {
            var page = given().auth().oauth2(Tokens.admin()).when().get("/events?limit=1000" + after)
                    .then().statusCode(200).extract().jsonPath();
            var next = page.getString("next");
            if (page.getList("events").isEmpty()) {
                return next;
            }
            after = "&after=" + next;
        }
    }

    @Test
    void a_preview_refuses_what_the_append_refuses() {
        var id = Partnerships.form("pv-c", "pv-d");
        var today = LocalDate.now().toString();
        var stored = UUID.randomUUID();
        append(id, HealthPropertiesApiTests.JSON.valueToTree(List.of(meeting(stored, today, "pv-c", "pv-d"))).toString())
                .then().statusCode(201);
        var invalid = HealthPropertiesApiTests.JSON.valueToTree(List.of(meeting(today, "pv-c", "pv-d"),
                Map.of("type", "MeetingHeld", "occurredAt", today, "format", "IN_PERSON", "kind", "BOARD",
                        "attendees", List.of(Map.of("personRef", "x", "orgId", "pv-c", "seniority", "BOSS"))))).toString();
        var brokenRule = batch(List.of((ObjectNode) HealthPropertiesApiTests.JSON.valueToTree(
                meeting(today, "pv-c", "pv-d")), reachingUnknownMilestone()));
        var reusedId = HealthPropertiesApiTests.JSON.valueToTree(List.of(meeting(stored,
                LocalDate.now().minusDays(1).toString(), "pv-c", "pv-d"))).toString();
        var version = version(id);
        for (var body : List.of(invalid, brokenRule, reusedId, "[]", "{}")) {
            var previewed = preview(Tokens.partner("pv-c"), id, body, Map.of());
            var appended = append(id, body);
            assertThat(previewed.statusCode()).as(body).isIn(400, 409).isEqualTo(appended.statusCode());
            assertThat(problem(previewed)).as(body).isEqualTo(problem(appended));
        }
        preview(Tokens.partner("pv-c"), id, invalid, Map.of()).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("[1].attendees[0].seniority"));
        preview(Tokens.partner("pv-c"), id, brokenRule, Map.of()).then().statusCode(409)
                .body("offendingId", equalTo("never-set"));
        assertThat(version(id)).isEqualTo(version);

        var fine = HealthPropertiesApiTests.JSON.valueToTree(List.of(meeting(today, "pv-c", "pv-d"))).toString();
        preview(Tokens.partner("pv-c"), id, fine, Map.of("If-Match", "\"1\"")).then().statusCode(412)
                .header("ETag", version);
        preview(Tokens.partner("pv-c"), id, fine, Map.of("If-Match", version)).then().statusCode(200);
    }

    @Test
    void funders_may_not_preview_and_other_organisations_do_not_see_the_partnership() {
        Funders.register("pv-funder");
        var id = Partnerships.form("pv-e", "pv-f");
        var today = LocalDate.now().toString();
        append(id, HealthPropertiesApiTests.JSON.valueToTree(List.of(Map.of("type", "FundingSecured", "occurredAt", today,
                "fundingId", "grant", "funder", Map.of("funderId", "pv-funder"), "amount", 1000, "currency", "GBP",
                "startsOn", today, "coreCosts", true))).toString()).then().statusCode(201);
        var body = HealthPropertiesApiTests.JSON.valueToTree(List.of(meeting(today, "pv-e", "pv-f"))).toString();
        given().auth().oauth2(Tokens.funder("pv-funder")).when().get("/partnerships/" + id + "/health")
                .then().statusCode(200);
        preview(Tokens.funder("pv-funder"), id, body, Map.of()).then().statusCode(403)
                .contentType("application/problem+json");
        preview(Tokens.partner("pv-g"), id, body, Map.of()).then().statusCode(404)
                .contentType("application/problem+json");
        preview(Tokens.partner("pv-e"), UUID.randomUUID(), body, Map.of()).then().statusCode(404);
        preview(Tokens.partner("pv-e"), id, body, Map.of()).then().statusCode(200);
    }

    /** A next step's events as a batch body, as the health answer gives them. */
    static String stepBatch(JsonNode step, JsonNode health) {
        var events = new ArrayList<ObjectNode>();
        step.path("events").forEach(e -> {
            assertThat(e.path("occurredAt").asText()).isEqualTo(health.path("asOf").asText().substring(0, 10));
            events.add((ObjectNode) e.deepCopy());
        });
        return batch(events);
    }

    static Integer score(JsonNode health, String dimension) {
        var score = dimension == null ? health.path("overall") : health.path("dimensions").path(dimension).path("score");
        return score.isNull() || score.isMissingNode() ? null : score.asInt();
    }

    static int gain(Integer before, Integer after) {
        return (after == null ? 0 : after) - (before == null ? 0 : before);
    }

    /**
     * Every next step previews to exactly the gains it states; the first, appended, gains them
     * too. A step whose events the service refuses fails here, naming the step and the problem.
     */
    static void checkNextSteps(UUID id, String member, String as) {
        var before = health(id);
        var steps = before.path("nextSteps");
        assertThat(steps.size()).as(as + ": next steps of " + before).isPositive();
        assertThat(steps.valueStream().map(s -> s.path("overallGain").asInt()).toList()).as(as + ": ranked by gain")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (var step : steps) {
            var batch = stepBatch(step, before);
            var previewed = preview(Tokens.partner(member), id, batch, Map.of());
            var what = as + ", step \"" + step.path("text").asText() + "\": " + batch + " -> " + previewed.asString();
            assertThat(previewed.statusCode()).as(what).isEqualTo(200);
            var after = json(previewed);
            var dimension = step.path("dimension").asText();
            assertThat(gain(score(before, null), score(after, null))).as(what + ": overall gain")
                    .isEqualTo(step.path("overallGain").asInt());
            assertThat(gain(score(before, dimension), score(after, dimension))).as(what + ": " + dimension + " gain")
                    .isEqualTo(step.path("dimensionGain").asInt());
        }
        var first = steps.get(0);
        var batch = stepBatch(first, before);
        var appended = append(id, batch);
        assertThat(appended.statusCode()).as(as + ": " + batch + " -> " + appended.asString()).isEqualTo(201);
        var after = health(id);
        var dimension = first.path("dimension").asText();
        assertThat(gain(score(before, null), score(after, null))).as(as + ": overall gain of " + first)
                .isEqualTo(first.path("overallGain").asInt());
        assertThat(gain(score(before, dimension), score(after, dimension))).as(as + ": gain of " + first)
                .isEqualTo(first.path("dimensionGain").asInt());
    }

    @Test
    void a_next_step_recorded_gains_what_it_said_for_a_partnership_without_agreement_or_measures() {
        var id = Partnerships.form("pv-h", "pv-i");
        var today = LocalDate.now();
        append(id, HealthPropertiesApiTests.JSON.valueToTree(List.of(
                meeting(today.minusDays(150).toString(), "pv-h", "pv-i"),
                meeting(today.minusDays(100).toString(), "pv-h", "pv-i"),
                Map.of("type", "SharedGoalAgreed", "occurredAt", today.minusDays(100).toString(), "goalId", "g",
                        "statement", "Fewer families in crisis", "primary", true, "endorsedBy", List.of("pv-h", "pv-i")),
                meeting(today.minusDays(30).toString(), "pv-h", "pv-i"))).toString()).then().statusCode(201);
        var alerts = health(id).path("alerts").valueStream().map(a -> a.path("code").asText()).toList();
        assertThat(alerts).contains("NO_AGREEMENT", "NO_MEASURES");
        checkNextSteps(id, "pv-h", "older than 180 days, no agreement, no measures");
    }

    @Test
    void next_steps_gain_what_they_say_over_generated_histories() {
        int checked = 0;
        for (long seed = 101; checked < NEXT_STEP_HISTORIES; seed++) {
            var random = new Random(seed);
            var today = LocalDate.now();
            var history = new HistoryGenerator(seed, "steps" + seed + "-" + UUID.randomUUID().toString().substring(0, 4))
                    .history(today.minusDays(200 + random.nextInt(700)), today.minusDays(1), 5 + random.nextInt(40));
            var id = HealthPropertiesApiTests.record(history);
            if (health(id).path("nextSteps").isEmpty()) {
                continue;
            }
            var member = ((PartnershipFormed) history.get(0).event()).foundingPartners().get(0).orgId();
            checkNextSteps(id, member, "seed " + seed);
            checked++;
        }
    }
}
