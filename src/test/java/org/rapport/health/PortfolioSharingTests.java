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
}
