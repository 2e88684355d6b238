package org.rapport.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.rapport.testing.Partnerships.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.MovableClock;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

@QuarkusTest
@SuppressWarnings("unchecked")
@QuarkusTestResource(LocalInfrastructure.class)
class PortfolioAndReassessmentTests {

    @Inject
    Reassessment reassessment;

    @Inject
    HealthProjector projector;

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    static UUID formWithType(String name, String type, String... orgs) {
        return Partnerships.form(name, type, LocalDate.now().minusDays(120), orgs);
    }

    static void record(UUID id, Object body) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);
    }

    static List<String> names(String query, String token) {
        return Partnerships.portfolio(query, token).stream().map(row -> (String) row.get("name")).toList();
    }

    @Test
    void the_portfolio_filters_sorts_and_pages_what_the_caller_may_see() {
        var tag = "pf" + UUID.randomUUID().toString().substring(0, 6);
        var a = formWithType(tag + "-alpha", "SECONDMENT", tag + "-x", tag + "-y");
        var b = formWithType(tag + "-beta", "SECONDMENT", tag + "-x", tag + "-z");
        formWithType(tag + "-gamma", "COOPERATIVE", tag + "-y", tag + "-z");
        record(a, meeting(LocalDate.now().minusDays(2).toString(), tag + "-x", tag + "-y"));

        assertThat(names("&type=SECONDMENT&sort=name", Tokens.partner(tag + "-x")))
                .containsExactly(tag + "-alpha", tag + "-beta");
        assertThat(names("&sort=name", Tokens.partner(tag + "-z")))
                .containsExactly(tag + "-beta", tag + "-gamma");
        assertThat(names("&alert=NO_MEETING", Tokens.partner(tag + "-x"))).containsExactly(tag + "-beta");
        assertThat(names("&status=NOT_ENOUGH_DATA", Tokens.partner(tag + "-x"))).contains(tag + "-beta");
        var byOverall = names("&sort=-overall", Tokens.partner(tag + "-x"));
        assertThat(byOverall).containsExactly(tag + "-alpha", tag + "-beta");

        var entry = given().auth().oauth2(Tokens.partner(tag + "-x")).when().get("/partnerships?type=SECONDMENT&sort=name")
                .then().statusCode(200).extract().jsonPath();
        var health = given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + a + "/health")
                .then().statusCode(200).extract().jsonPath();
        for (var d : List.of("trust", "alignment", "governance", "sustainability", "engagement", "momentum")) {
            assertThat((Object) entry.get("items[0].scores." + d)).as("the portfolio's " + d + " score")
                    .isEqualTo(health.get("dimensions." + d + ".score"));
        }
        assertThat(entry.getMap("items[0].scores")).as("every dimension, null when not assessed").hasSize(6);

        given().auth().oauth2(Tokens.admin()).when().get("/partnerships?sort=height").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).when().get("/partnerships?status=PURPLE").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).when().get("/partnerships?limit=201").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).when().get("/partnerships?cursor=nonsense").then().statusCode(400);
        assertThat(b).isNotNull();
    }

    /** Where a stored health comes in triage, read independently of the service: status, worst alert, overall. */
    static final List<String> STATUS_ORDER = List.of("RED", "AMBER", "NOT_ENOUGH_DATA", "GREEN", "PAUSED", "CLOSED");
    static final List<String> SEVERITY_ORDER = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    static List<Integer> triage(String name, UUID id) {
        var health = given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/health")
                .then().statusCode(200).extract().jsonPath();
        List<String> severities = health.getList("alerts.severity");
        int worst = severities.stream().mapToInt(SEVERITY_ORDER::indexOf).min().orElse(SEVERITY_ORDER.size());
        Integer overall = health.get("overall");
        return List.of(STATUS_ORDER.indexOf(health.getString("status")), worst, overall == null ? 101 : overall);
    }

    @Test
    void triage_puts_what_needs_attention_first_page_after_page() {
        var tag = "tr" + UUID.randomUUID().toString().substring(0, 6);
        var ids = new java.util.LinkedHashMap<String, UUID>();
        ids.put(tag + "-met", formWithType(tag + "-met", "COLLABORATIVE", tag + "-x", tag + "-y"));
        ids.put(tag + "-quiet", formWithType(tag + "-quiet", "COLLABORATIVE", tag + "-x", tag + "-z"));
        ids.put(tag + "-long-ago", formWithType(tag + "-long-ago", "COLLABORATIVE", tag + "-x", tag + "-w"));
        ids.put(tag + "-never", formWithType(tag + "-never", "SECONDMENT", tag + "-x", tag + "-v"));
        for (int daysAgo = 100; daysAgo >= 5; daysAgo -= 19) {
            record(ids.get(tag + "-met"), meeting(LocalDate.now().minusDays(daysAgo).toString(), tag + "-x", tag + "-y"));
        }
        record(ids.get(tag + "-quiet"), meeting(LocalDate.now().minusDays(110).toString(), tag + "-x", tag + "-z"));
        record(ids.get(tag + "-long-ago"), meeting(LocalDate.now().minusDays(60).toString(), tag + "-x", tag + "-w"));

        Comparator<List<Integer>> byTriage = Comparator.comparing((List<Integer> t) -> t.get(0))
                .thenComparing(t -> t.get(1)).thenComparing(t -> t.get(2));
        var keys = new HashMap<String, List<Integer>>();
        ids.forEach((name, id) -> keys.put(name, triage(name, id)));
        var expected = ids.keySet().stream().sorted(Comparator.comparing(keys::get, byTriage)).toList();
        var triaged = names("&sort=attention", Tokens.partner(tag + "-x"));
        for (int i = 1; i < triaged.size(); i++) {
            assertThat(byTriage.compare(keys.get(triaged.get(i - 1)), keys.get(triaged.get(i))))
                    .as(triaged + " by " + keys).isLessThanOrEqualTo(0);
        }
        assertThat(triaged).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(keys.values().stream().map(k -> k.get(0)).distinct().count()).as("statuses seen: " + keys)
                .isGreaterThan(1);
    }

    @Test
    void time_alone_moves_the_stored_health_at_the_daily_reassessment() throws Exception {
        var tag = "ra" + UUID.randomUUID().toString().substring(0, 6);
        var id = formWithType(tag, "COLLABORATIVE", tag + "-a", tag + "-b");
        for (int daysAgo = 100; daysAgo >= 10; daysAgo -= 30) {
            record(id, meeting(LocalDate.now().minusDays(daysAgo).toString(), tag + "-a", tag + "-b"));
        }
        Map<String, Object> before = stored(id);
        assertThat((List<Object>) before.get("alerts")).doesNotContain("NO_MEETING");

        MovableClock.advance(Duration.ofDays(200));
        var reassessed = given().auth().oauth2(Tokens.admin()).when().post("/admin/health/reassess")
                .then().statusCode(200).extract().jsonPath().getInt("partnerships");
        assertThat(reassessed).isPositive();

        Map<String, Object> after = stored(id);
        assertThat((List<Object>) after.get("alerts")).contains("NO_MEETING");
        assertThat((Integer) after.get("trust")).isLessThan((Integer) before.get("trust"));
        given().auth().oauth2(Tokens.admin()).when().post("/admin/health/reassess")
                .then().statusCode(200).body("partnerships", equalTo(0));
    }

    @Test
    void views_stored_under_another_model_move_to_the_current_one_and_are_published() throws Exception {
        var tag = "mv" + UUID.randomUUID().toString().substring(0, 6);
        var id = formWithType(tag, "COLLABORATIVE", tag + "-a", tag + "-b");
        record(id, meeting(LocalDate.now().minusDays(10).toString(), tag + "-a", tag + "-b"));
        var current = projector.params().version();
        assertThat(model(id)).containsExactly(current, current, current);
        // As if written by an older model: its version on the row, in the view and in the change key.
        sql("update partnerships set params_version = 'old-model',"
                + " health = jsonb_set(health, '{paramsVersion}', '\"old-model\"'),"
                + " health_key = 'old-model' || substr(health_key, strpos(health_key, '|')) where id = ?", id);
        var published = outboxRows(id);

        var moved = reassessment.toCurrentModel().await().atMost(Duration.ofMinutes(2));

        assertThat(moved).isPositive();
        assertThat(model(id)).as("row, view and change key under the current model")
                .containsExactly(current, current, current);
        assertThat(outboxRows(id)).as("the same scores under a new model, published once").isEqualTo(published + 1);
        assertThat(firstRow("select summary ->> 'paramsVersion' from health_outbox where partnership_id = ?"
                + " order by id desc limit 1", id)).containsExactly(current);
        assertThat(reassessment.toCurrentModel().await().atMost(Duration.ofMinutes(2))).as("nothing left to move")
                .isZero();
        assertThat(outboxRows(id)).isEqualTo(published + 1);
    }

    /** The row's params version, its view's, and the model its change key was made under. */
    static List<String> model(UUID id) throws Exception {
        return firstRow("select params_version, health ->> 'paramsVersion', split_part(health_key, '|', 1)"
                + " from partnerships where id = ?", id);
    }

    static long outboxRows(UUID id) throws Exception {
        return Long.parseLong(firstRow("select count(*) from health_outbox where partnership_id = ?", id).get(0));
    }

    /** The first row a query about one partnership answers, each column as text (null stays null). */
    static List<String> firstRow(String query, UUID id) throws Exception {
        try (var connection = LocalInfrastructure.connect(); var select = connection.prepareStatement(query)) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).as("a row").isTrue();
                var values = new ArrayList<String>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    values.add(rows.getString(i));
                }
                return values;
            }
        }
    }

    static void sql(String statement, UUID id) throws Exception {
        try (var connection = LocalInfrastructure.connect(); var update = connection.prepareStatement(statement)) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }

    static Map<String, Object> stored(UUID id) throws Exception {
        try (var connection = LocalInfrastructure.connect(); var select = connection.prepareStatement(
                "select health_alerts, (health -> 'dimensions' -> 'trust' ->> 'score')::int from partnerships where id = ?")) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                rows.next();
                return Map.of("alerts", List.of((String[]) rows.getArray(1).getArray()), "trust", rows.getInt(2));
            }
        }
    }

    @Test
    void a_rebuild_from_the_log_equals_what_the_appends_wrote() throws Exception {
        var tag = "rb" + UUID.randomUUID().toString().substring(0, 6);
        var id = formWithType(tag, "COLLABORATIVE", tag + "-a", tag + "-b", tag + "-c");
        record(id, meeting(LocalDate.now().minusDays(20).toString(), tag + "-a", tag + "-b"));
        var meetingToVoid = UUID.randomUUID();
        record(id, meeting(meetingToVoid, LocalDate.now().minusDays(10).toString(), tag + "-a", tag + "-c"));
        record(id, Map.of("type", "PartnerLeft", "occurredAt", LocalDate.now().minusDays(5).toString(),
                "orgId", tag + "-c", "reason", "PLANNED"));
        record(id, Map.of("type", "EventVoided", "occurredAt", LocalDate.now().toString(),
                "voidedEventId", meetingToVoid.toString(), "reason", "duplicate"));
        var inline = row(id);
        try (var connection = LocalInfrastructure.connect(); var wipe = connection.prepareStatement(
                "update partnerships set state = '{}'::jsonb, health = null, health_status = null, health_alerts = '{}'"
                        + " where id = ?")) {
            wipe.setObject(1, id);
            wipe.executeUpdate();
        }
        given().auth().oauth2(Tokens.admin()).when().post("/admin/projections/rebuild").then().statusCode(200);
        assertThat(row(id)).isEqualTo(inline);
        given().auth().oauth2(Tokens.partner(tag + "-a")).when().post("/admin/projections/rebuild")
                .then().statusCode(403);
    }

    static List<Object> row(UUID id) throws Exception {
        return new ArrayList<Object>(firstRow("select state::text, health_status, health_overall,"
                + " health_alerts::text, partner_orgs::text, sectors::text, health -> 'dimensions'"
                + " from partnerships where id = ?", id));
    }
}
