package org.rapport.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.testing.Partnerships.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/** The portfolio as a partnership manager triages it and shares it. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class PortfolioSharingTests {

    static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    static void record(UUID id, Object body) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events").then().statusCode(201);
    }

    static String daysAgo(int days) {
        return TODAY.minusDays(days).toString();
    }

    static Map<String, Object> row(List<Map<String, Object>> rows, UUID id) {
        return rows.stream().filter(r -> id.toString().equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + rows));
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_row_names_its_most_severe_alert_in_plain_words() {
        var tag = "ms" + UUID.randomUUID().toString().substring(0, 6);
        var troubled = Partnerships.form(tag + "-troubled", "COLLABORATIVE", TODAY.minusDays(120), tag + "-a", tag + "-b");
        var young = Partnerships.form(tag + "-young", "COLLABORATIVE", TODAY, tag + "-a", tag + "-c");
        record(troubled, meeting(daysAgo(100), tag + "-a", tag + "-b"));
        record(troubled, Partnerships.trustSurvey(daysAgo(99), tag + "-a", tag + "-b", 1));

        var alerts = given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + troubled + "/health")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("alerts");
        assertThat(alerts).extracting(a -> a.get("severity")).as("alerts of several severities")
                .contains("CRITICAL", "HIGH", "MEDIUM");
        var severities = PortfolioAndReassessmentTests.SEVERITY_ORDER;
        var worst = alerts.stream().min(Comparator.comparing((Map<String, Object> a) -> severities.indexOf(a.get("severity")))
                .thenComparing(a -> (String) a.get("code"))).orElseThrow();

        var rows = Partnerships.portfolio("&sort=name", Tokens.partner(tag + "-a"));
        var named = (Map<String, Object>) row(rows, troubled).get("mostSevereAlert");
        assertThat(named).containsEntry("code", "LOW_TRUST_PAIR").containsEntry("severity", "CRITICAL")
                .containsEntry("label", "Low trust between two partners")
                .containsEntry("code", worst.get("code")).containsEntry("since", worst.get("since"));
        assertThat(given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + young + "/health")
                .then().statusCode(200).extract().jsonPath().getList("alerts")).as("no alert yet").isEmpty();
        assertThat(row(rows, young)).containsEntry("mostSevereAlert", null);
    }

    static io.restassured.path.json.JsonPath health(UUID id, String query) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/health" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("id")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_portfolio_as_of_a_past_day_is_each_partnerships_health_as_of_that_day() {
        var tag = "ao" + UUID.randomUUID().toString().substring(0, 6);
        var x = tag + "-x";
        var day = TODAY.minusDays(30).toString();
        var lapsed = Partnerships.form(tag + "-lapsed", "COLLABORATIVE", TODAY.minusDays(150), x, tag + "-a");
        var quiet = Partnerships.form(tag + "-quiet", "COLLABORATIVE", TODAY.minusDays(150), x, tag + "-b");
        var steady = Partnerships.form(tag + "-steady", "COLLABORATIVE", TODAY.minusDays(150), x, tag + "-d");
        var later = Partnerships.form(tag + "-later", "COLLABORATIVE", TODAY.minusDays(10), x, tag + "-c");
        record(steady, meeting(daysAgo(35), x, tag + "-d"));
        for (int daysAgo = 130; daysAgo >= 70; daysAgo -= 30) {
            record(lapsed, meeting(daysAgo(daysAgo), x, tag + "-a"));
        }
        record(quiet, meeting(daysAgo(140), x, tag + "-b"));
        assertThat(health(lapsed, "").getList("alerts.code")).as("lapsed has stopped meeting by now").contains("NO_MEETING");
        assertThat(health(lapsed, "?asOf=" + day).getList("alerts.code")).as("but was meeting then")
                .doesNotContain("NO_MEETING");

        var then = Partnerships.portfolio("&asOf=" + day, Tokens.partner(x));
        assertThat(ids(then)).as("formed by then, in name order, page after page")
                .containsExactly(lapsed.toString(), quiet.toString(), steady.toString());
        for (var id : List.of(lapsed, quiet, steady)) {
            var row = row(then, id);
            var asOf = health(id, "?asOf=" + day);
            assertThat(row.get("status")).as("status").isEqualTo(asOf.getString("status"));
            assertThat(row.get("overall")).as("overall").isEqualTo(asOf.get("overall"));
            assertThat(row.get("assessedAt")).isEqualTo(asOf.getString("asOf"));
            for (var d : List.of("trust", "alignment", "governance", "sustainability", "engagement", "momentum")) {
                assertThat(((Map<String, Object>) row.get("scores")).get(d)).as(d)
                        .isEqualTo(asOf.get("dimensions." + d + ".score"));
            }
            assertThat((List<String>) row.get("alerts")).containsExactlyInAnyOrderElementsOf(
                    asOf.<String>getList("alerts.code").stream().distinct().toList());
        }
        assertThat(ids(Partnerships.portfolio("", Tokens.partner(x)))).as("now").contains(later.toString());

        assertThat(ids(Partnerships.portfolio("&alert=NO_MEETING&asOf=" + day, Tokens.partner(x))))
                .containsExactly(quiet.toString());
        assertThat(ids(Partnerships.portfolio("&alert=NO_MEETING", Tokens.partner(x))))
                .contains(lapsed.toString(), quiet.toString());
        var quietStatus = health(quiet, "?asOf=" + day).getString("status");
        assertThat(Partnerships.portfolio("&status=" + quietStatus + "&asOf=" + day, Tokens.partner(x)))
                .extracting(r -> r.get("status")).containsOnly(quietStatus).isNotEmpty();
        Map<UUID, List<Integer>> keys = new java.util.HashMap<>();
        for (var id : List.of(lapsed, quiet, steady)) {
            var asOf = health(id, "?asOf=" + day);
            var worst = asOf.<String>getList("alerts.severity").stream()
                    .mapToInt(PortfolioAndReassessmentTests.SEVERITY_ORDER::indexOf).min().orElse(4);
            Integer overall = asOf.get("overall");
            keys.put(id, List.of(overall == null ? -1 : overall, PortfolioAndReassessmentTests.STATUS_ORDER
                    .indexOf(asOf.getString("status")) * 10_000 + worst * 1_000 + (overall == null ? 101 : overall)));
        }
        Comparator<UUID> byId = Comparator.comparing(UUID::toString);
        Comparator<UUID> byOverall = Comparator.<UUID>comparingInt(id -> keys.get(id).get(0)).thenComparing(byId);
        Comparator<UUID> byAttention = Comparator.<UUID>comparingInt(id -> keys.get(id).get(1)).thenComparing(byId);
        var expected = Map.of("overall", byOverall, "-overall", byOverall.reversed(), "attention", byAttention);
        expected.forEach((sort, order) -> assertThat(ids(Partnerships.portfolio("&sort=" + sort + "&asOf=" + day,
                Tokens.partner(x)))).as(sort + " by " + keys).containsExactlyElementsOf(
                        keys.keySet().stream().sorted(order).map(UUID::toString).toList()));
        assertThat(keys.values().stream().map(k -> k.get(0)).distinct().count()).as("overalls differ: " + keys)
                .isGreaterThan(1);
    }

    @Test
    void a_day_still_to_come_or_unreadable_is_refused_naming_asof() {
        for (var asOf : List.of(TODAY.plusDays(1).toString(), "yesterday", "2026-02-30", "2026-05-01T00:00:00Z")) {
            given().auth().oauth2(Tokens.admin()).when().get("/partnerships?asOf=" + asOf)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("/problems/validation"))
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("asOf"));
        }
        given().auth().oauth2(Tokens.admin()).when().get("/partnerships?limit=1&asOf=" + TODAY)
                .then().statusCode(200);
    }

    static final List<String> CSV_HEADER = List.of("id", "name", "type", "status", "overall", "trust", "alignment",
            "governance", "sustainability", "engagement", "momentum", "mostSevereAlert", "mostSevereAlertSeverity",
            "alerts", "assessedAt");

    /** The CSV export for this query and token, read back by the library that wrote it: the header, then each row. */
    static List<List<String>> csv(String query, String token, String expectedFileDay) throws Exception {
        var response = given().auth().oauth2(token).accept("text/csv").when().get("/partnerships?" + query)
                .then().statusCode(200).extract();
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"rapport-portfolio-" + expectedFileDay + ".csv\"");
        var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
        try (var rows = mapper.readerForListOf(String.class).<List<String>>readValues(response.asString())) {
            var all = rows.readAll();
            assertThat(all.get(0)).as("header").containsExactlyElementsOf(CSV_HEADER);
            return all.subList(1, all.size());
        }
    }

    /** What the JSON listing says of a row, as the export writes it (text: an empty cell for null). */
    @SuppressWarnings("unchecked")
    static List<String> asCsv(Map<String, Object> row) {
        var scores = (Map<String, Object>) row.get("scores");
        var worst = (Map<String, Object>) row.get("mostSevereAlert");
        var name = (String) row.get("name");
        var cells = new java.util.ArrayList<>(java.util.Arrays.asList(row.get("id"),
                "=+-@".indexOf(name.charAt(0)) >= 0 ? "'" + name : name, row.get("partnershipType"), row.get("status"),
                row.get("overall"), scores.get("trust"), scores.get("alignment"), scores.get("governance"),
                scores.get("sustainability"), scores.get("engagement"), scores.get("momentum"),
                worst == null ? null : worst.get("label"), worst == null ? null : worst.get("severity"),
                String.join(";", (List<String>) row.get("alerts")), row.get("assessedAt")));
        return cells.stream().map(c -> c == null ? "" : String.valueOf(c)).toList();
    }

    @Test
    void the_export_has_every_row_of_the_listing_scoped_as_the_listing_is() throws Exception {
        var tag = "cv" + UUID.randomUUID().toString().substring(0, 6);
        var funder = tag + "-fund";
        org.rapport.testing.Funders.register(funder);
        var formula = Partnerships.form("=HYPERLINK(\"http://evil.example\",\"" + tag + "\")", "COLLABORATIVE",
                TODAY.minusDays(120), tag + "-x", tag + "-y");
        var unfunded = Partnerships.form(tag + "-unfunded", "SECONDMENT", TODAY.minusDays(120), tag + "-x", tag + "-z");
        var elsewhere = Partnerships.form(tag + "-elsewhere", "COLLABORATIVE", TODAY.minusDays(120), tag + "-y", tag + "-z");
        var young = Partnerships.form(tag + "-young", "COLLABORATIVE", TODAY.minusDays(5), tag + "-x", tag + "-w");
        for (var funded : List.of(formula, elsewhere)) {
            record(funded, Map.of("type", "FundingSecured", "occurredAt", daysAgo(100), "fundingId", "grant",
                    "funder", Map.of("funderId", funder), "amount", 50_000, "currency", "GBP",
                    "startsOn", daysAgo(100), "endsOn", TODAY.plusDays(60).toString(), "coreCosts", true));
        }
        record(formula, meeting(daysAgo(20), tag + "-x", tag + "-y"));
        record(unfunded, Partnerships.trustSurvey(daysAgo(10), tag + "-x", tag + "-z", 2));

        var day = TODAY.minusDays(30).toString();
        var cases = Map.of(
                Tokens.funder(funder), List.of(formula, elsewhere),
                Tokens.partner(tag + "-x"), List.of(formula, unfunded, young));
        for (var token : cases.keySet()) {
            var json = Partnerships.portfolio("&sort=-overall", token);
            assertThat(ids(json)).as("the JSON listing's scope").containsExactlyInAnyOrderElementsOf(
                    cases.get(token).stream().map(UUID::toString).toList());
            assertThat(csv("sort=-overall", token, TODAY.toString())).as("a row per row of the JSON listing, in order")
                    .containsExactlyElementsOf(json.stream().map(PortfolioSharingTests::asCsv).toList());
            var then = Partnerships.portfolio("&sort=attention&asOf=" + day, token);
            assertThat(then).as("as of a day before the young one").isNotEmpty().hasSize(json.size()
                    - (cases.get(token).contains(young) ? 1 : 0));
            assertThat(csv("sort=attention&asOf=" + day, token, day))
                    .containsExactlyElementsOf(then.stream().map(PortfolioSharingTests::asCsv).toList());
        }
        var exported = csv("sort=name&type=COLLABORATIVE", Tokens.partner(tag + "-x"), TODAY.toString());
        assertThat(exported).extracting(r -> r.get(0)).containsExactly(formula.toString(), young.toString());
        assertThat(exported.get(0).get(1)).as("a formula shown as text, never run")
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"" + tag + "\")");
        assertThat(exported.get(0).get(11)).as("the most severe alert in words")
                .isEqualTo("Funding ends soon with no agreed plan to continue");
        assertThat(exported.get(0).get(12)).isEqualTo("CRITICAL");
    }

    @Test
    void the_export_answers_its_refusals_as_problems() {
        given().auth().oauth2(Tokens.admin()).accept("text/csv").when().get("/partnerships?asOf=" + TODAY.plusDays(1))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("asOf"));
        given().auth().oauth2(Tokens.admin()).accept("text/csv").when().get("/partnerships?sort=height")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("sort"));
        var next = given().auth().oauth2(Tokens.admin()).when().get("/partnerships?limit=1")
                .then().statusCode(200).extract().jsonPath().getString("next");
        given().auth().oauth2(Tokens.admin()).accept("text/csv").when().get("/partnerships?cursor=" + next)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
        given().accept("text/csv").when().get("/partnerships").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).accept("application/json, text/csv").when().get("/partnerships?limit=1")
                .then().statusCode(200).contentType(ContentType.JSON);
        given().auth().oauth2(Tokens.admin()).accept("application/json;q=0.5, text/csv").when()
                .get("/partnerships?limit=1").then().statusCode(200).contentType("text/csv");
    }
}
