package org.rapport.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rapport.testing.Funders;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * Every endpoint against every kind of caller, with the status each must get, and no other
 * partnership's data in any body.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

    String tag;
    UUID mine;
    UUID theirs;
    String eventId;
    String funder;
    String otherFunder;
    Map<String, String> callers;

    /** Set up once, on first use: Quarkus points rest-assured at the test port only around tests. */
    synchronized void setUp() {
        if (tag != null) {
            return;
        }
        tag = "am" + UUID.randomUUID().toString().substring(0, 6);
        funder = tag + "-funder";
        otherFunder = tag + "-other-funder";
        Funders.register(funder, otherFunder);
        mine = Partnerships.form(tag + "-a", tag + "-b", tag + "-c");
        theirs = Partnerships.form(tag + "-x", tag + "-y");
        post(mine, Map.of("type", "FundingSecured", "occurredAt", "2026-02-01", "fundingId", "grant",
                "funder", Map.of("funderId", funder), "amount", 5000, "currency", "GBP", "startsOn", "2026-02-01",
                "coreCosts", true));
        post(theirs, Map.of("type", "FundingSecured", "occurredAt", "2026-02-01", "fundingId", "grant",
                "funder", Map.of("funderId", otherFunder), "amount", 5000, "currency", "GBP", "startsOn", "2026-02-01",
                "coreCosts", true));
        post(mine, Map.of("type", "TrustSurveyRecorded", "occurredAt", "2026-02-02", "surveyId", "s1",
                "respondentOrg", tag + "-a", "ratedOrg", tag + "-b", "trust", 2, "reliability", 2, "openness", 2,
                "sharedInterest", 2));
        post(mine, Map.of("type", "PartnerLeft", "occurredAt", "2026-02-03", "orgId", tag + "-c", "reason", "PLANNED"));
        eventId = post(mine, Partnerships.meeting(LocalDate.now().minusDays(1).toString(), tag + "-a", tag + "-b"));

        callers = new LinkedHashMap<>();
        callers.put("no token", null);
        callers.put("bad signature", Tokens.signedByAStranger(tag + "-a"));
        callers.put("expired", Tokens.expired(tag + "-a"));
        callers.put("wrong issuer", Tokens.fromAnotherIssuer(tag + "-a"));
        callers.put("partner of this partnership", Tokens.partner(tag + "-a"));
        callers.put("partner of another", Tokens.partner(tag + "-x"));
        callers.put("former partner", Tokens.partner(tag + "-c"));
        callers.put("funder of it", Tokens.funder(funder));
        callers.put("funder of another", Tokens.funder(otherFunder));
        callers.put("admin", Tokens.admin());
    }

    static String post(UUID id, Object body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events").then().statusCode(201).extract().path("eventId");
    }

    /** The partnerships (their ids) a caller may not see. */
    List<String> hiddenFrom(String caller) {
        return switch (caller) {
            case "admin" -> List.of();
            case "partner of this partnership", "funder of it" -> List.of(theirs.toString());
            case "partner of another", "funder of another" -> List.of(mine.toString());
            default -> List.of(mine.toString(), theirs.toString());
        };
    }

    /** The whole feed as a caller sees it, followed page by page. */
    static List<Map<String, Object>> feed(String token) {
        var all = new java.util.ArrayList<Map<String, Object>>();
        String after = "";
        while (true) {
            var page = given().auth().oauth2(token).queryParam("after", after).queryParam("limit", 1000)
                    .when().get("/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> events = page.getList("events");
            if (events.isEmpty()) {
                return all;
            }
            all.addAll(events);
            after = page.getString("next");
        }
    }

    record Call(Method method, String path, Object body) {
    }

    /** The statuses in the order of the callers above. */
    void expect(Call call, int... statuses) {
        int i = 0;
        for (var entry : callers.entrySet()) {
            var request = given().contentType(ContentType.JSON);
            if (entry.getValue() != null) {
                request = request.auth().oauth2(entry.getValue());
            }
            if (call.body() != null) {
                request = request.body(call.body());
            }
            var response = request.when().request(call.method(), call.path());
            assertThat(response.statusCode()).as(call.method() + " " + call.path() + " by " + entry.getKey())
                    .isEqualTo(statuses[i]);
            // A problem's instance repeats the caller's own request path; nothing else may name the partnership.
            var body = response.asString().replaceAll("\"instance\":\"[^\"]*\"", "");
            for (var hidden : hiddenFrom(entry.getKey())) {
                assertThat(body).as("no data of a partnership " + entry.getKey() + " may not see").doesNotContain(hidden);
            }
            if (response.statusCode() >= 400) {
                assertThat(body).as("nothing of this partnership in a refusal").doesNotContain(tag + "-b");
            }
            i++;
        }
    }

    static final int[] READ = {401, 401, 401, 401, 200, 404, 404, 200, 404, 200};
    static final int[] WRITE = {401, 401, 401, 401, 201, 404, 404, 403, 403, 201};
    static final int[] LIST = {401, 401, 401, 401, 200, 200, 200, 200, 200, 200};
    static final int[] ADMIN = {401, 401, 401, 401, 403, 403, 403, 403, 403, 200};

    @Test
    void reads_of_one_partnership() {
        setUp();
        expect(new Call(Method.GET, "/partnerships/" + mine, null), READ);
        expect(new Call(Method.GET, "/partnerships/" + mine + "/events", null), READ);
        expect(new Call(Method.GET, "/partnerships/" + mine + "/events/" + eventId, null), READ);
        expect(new Call(Method.GET, "/partnerships/" + mine + "/health", null), READ);
        expect(new Call(Method.GET, "/partnerships/" + mine + "/health?asOf=2026-06-01", null), READ);
        expect(new Call(Method.GET, "/partnerships/" + mine + "/health/history?from=2026-01-01&to=2026-03-01", null),
                READ);
    }

    @Test
    void writes() {
        setUp();
        expect(new Call(Method.POST, "/partnerships/" + mine + "/events",
                Partnerships.meeting(LocalDate.now().toString(), tag + "-a", tag + "-b")), WRITE);
        expect(new Call(Method.POST, "/partnerships/" + mine + "/events/batch",
                List.of(Partnerships.meeting(LocalDate.now().toString(), tag + "-a", tag + "-b"))), WRITE);
        expect(new Call(Method.POST, "/partnerships", Partnerships.formed("New", tag + "-a", tag + "-z")),
                401, 401, 401, 401, 201, 403, 403, 403, 403, 201);
    }

    @Test
    void lists_show_only_what_each_caller_may_see() {
        setUp();
        expect(new Call(Method.GET, "/partnerships?limit=200", null), LIST);
        expect(new Call(Method.GET, "/partnerships?limit=200&asOf=" + LocalDate.now(java.time.ZoneOffset.UTC), null),
                LIST);
        expect(new Call(Method.GET, "/events?limit=1000", null), LIST);
        expect(new Call(Method.GET, "/health-model/2026-11-v1", null), LIST);
        expect(new Call(Method.GET, "/health-model/alerts", null), LIST);
        var portfolio = given().auth().oauth2(Tokens.funder(funder)).when().get("/partnerships?limit=200")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(portfolio).containsExactly(mine.toString());
        assertThat(feed(Tokens.partner(tag + "-c"))).extracting(e -> e.get("partnershipId"))
                .doesNotContain(mine.toString());
        assertThat(feed(Tokens.partner(tag + "-a"))).extracting(e -> e.get("partnershipId"))
                .contains(mine.toString()).doesNotContain(theirs.toString());
    }

    @Test
    void administration() {
        setUp();
        expect(new Call(Method.GET, "/admin/funders", null), ADMIN);
        expect(new Call(Method.POST, "/admin/health/reassess", null), ADMIN);
    }

    @Test
    void a_funder_never_sees_who_rated_whom() {
        setUp();
        var token = Tokens.funder(funder);
        var types = given().auth().oauth2(token).when().get("/partnerships/" + mine + "/events")
                .then().statusCode(200).extract().jsonPath().getList("events.type");
        assertThat(types).contains("FundingSecured").doesNotContain("TrustSurveyRecorded");
        var feed = feed(token);
        assertThat(feed).extracting(e -> e.get("partnershipId")).contains(mine.toString())
                .doesNotContain(theirs.toString());
        assertThat(feed).extracting(e -> e.get("type")).contains("FundingSecured").doesNotContain("TrustSurveyRecorded");
        given().auth().oauth2(token).when().get("/partnerships/" + mine)
                .then().statusCode(200).body("surveyResponses", org.hamcrest.Matchers.empty());
        for (var query : List.of("", "?asOf=" + LocalDate.now())) {
            var health = given().auth().oauth2(token).when().get("/partnerships/" + mine + "/health" + query)
                    .then().statusCode(200).body("dimensions.trust.score", org.hamcrest.Matchers.notNullValue())
                    .body("alerts.code", org.hamcrest.Matchers.hasItem("LOW_TRUST_PAIR")).extract().asString();
            assertThat(health).as("who rated whom stays hidden").doesNotContain(tag + "-a rated");
        }
        var partnerView = given().auth().oauth2(Tokens.partner(tag + "-a")).when()
                .get("/partnerships/" + mine + "/health").then().statusCode(200).extract().asString();
        assertThat(partnerView).contains(tag + "-a rated Org " + tag + "-b");
    }

    @Test
    void funding_from_an_unregistered_funder_is_refused() {
        setUp();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("type", "FundingSecured", "occurredAt", "2026-02-01", "fundingId", "g2",
                        "funder", Map.of("funderId", "nobody-knows"), "amount", 5000, "currency", "GBP",
                        "startsOn", "2026-02-01", "coreCosts", false))
                .when().post("/partnerships/" + mine + "/events")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.equalTo("/problems/unknown-funder"))
                .body("offendingId", org.hamcrest.Matchers.equalTo("nobody-knows"));
        given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + mine)
                .then().body("fundings[0].funderName", org.hamcrest.Matchers.equalTo("Funder " + funder));
    }

    @Test
    void a_correlation_id_header_reaches_the_event() {
        setUp();
        var correlation = UUID.randomUUID();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("X-Correlation-Id", correlation)
                .body(Partnerships.meeting(LocalDate.now().toString(), tag + "-a", tag + "-b"))
                .when().post("/partnerships/" + mine + "/events")
                .then().statusCode(201).body("correlationId", org.hamcrest.Matchers.equalTo(correlation.toString()));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("X-Correlation-Id", "not-a-uuid")
                .body(Partnerships.meeting(LocalDate.now().toString(), tag + "-a", tag + "-b"))
                .when().post("/partnerships/" + mine + "/events")
                .then().statusCode(400);
    }
}
