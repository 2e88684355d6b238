package org.rapport.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.testing.Partnerships.meeting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/** A health read names the view it holds, and the database sends the view only when it changed. */
@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class StoredViewsTests {

    private static String health(UUID id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/partnerships/" + id + "/health")
                .then().statusCode(200).extract().asString();
    }

    private static double counter(String name) {
        var metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElseThrow();
    }

    private static void sql(String statement, UUID id) throws Exception {
        try (var connection = LocalInfrastructure.connect(); var update = connection.prepareStatement(statement)) {
            update.setObject(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void an_unchanged_view_read_again_is_not_fetched_again_and_reads_the_same() {
        var id = Partnerships.form("sv-a", "sv-b");
        HealthApiTests.record(id, meeting(LocalDate.now().minusDays(3).toString(), "sv-a", "sv-b"));
        var first = health(id);
        double fetched = counter("rapport_health_views_fetched_total");
        double reused = counter("rapport_health_views_reused_total");

        assertThat(health(id)).isEqualTo(first);
        assertThat(counter("rapport_health_views_reused_total")).isEqualTo(reused + 1);
        assertThat(counter("rapport_health_views_fetched_total")).isEqualTo(fetched);
    }

    @Test
    void a_rebuild_lets_go_of_the_views_this_instance_keeps_and_reads_the_same_after() {
        var id = Partnerships.form("sv-a", "sv-b");
        HealthApiTests.record(id, meeting(LocalDate.now().minusDays(3).toString(), "sv-a", "sv-b"));
        health(id);

        given().auth().oauth2(Tokens.admin()).when().post("/admin/projections/rebuild").then().statusCode(200);
        double fetched = counter("rapport_health_views_fetched_total");
        assertThat(health(id)).contains("\"paramsVersion\"");
        assertThat(counter("rapport_health_views_fetched_total")).isEqualTo(fetched + 1);
    }

    @Test
    void a_view_written_elsewhere_is_read_fresh_whichever_column_moved() throws Exception {
        var id = Partnerships.form("sv-a", "sv-b");
        HealthApiTests.record(id, meeting(LocalDate.now().minusDays(3).toString(), "sv-a", "sv-b"));
        assertThat(health(id)).contains("\"paramsVersion\"");

        // Another instance reassessing: same version, a later moment.
        sql("update partnerships set health = jsonb_set(health, '{paramsVersion}', '\"moved-moment\"'),"
                + " health_assessed_at = health_assessed_at + interval '1 microsecond' where id = ?", id);
        assertThat(health(id)).contains("moved-moment");

        // Another instance appending: a later version.
        sql("update partnerships set health = jsonb_set(health, '{paramsVersion}', '\"moved-version\"'),"
                + " version = version + 1 where id = ?", id);
        assertThat(health(id)).contains("moved-version").doesNotContain("moved-moment");

        // A new model: other parameters.
        sql("update partnerships set health = jsonb_set(health, '{paramsVersion}', '\"moved-params\"'),"
                + " params_version = 'other' where id = ?", id);
        assertThat(health(id)).contains("moved-params").doesNotContain("moved-version");
    }
}
