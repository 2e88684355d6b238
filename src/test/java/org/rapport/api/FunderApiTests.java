package org.rapport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class FunderApiTests {

    private static Map<String, String> funder(String funderId) {
        return Map.of("funderId", funderId, "name", "Funder " + funderId, "kind", "TRUST");
    }

    private static int register(String funderId) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(funder(funderId))
                .when().post("/admin/funders").then().extract().statusCode();
    }

    @Test
    void a_funder_id_registered_twice_is_a_conflict_naming_it() {
        var funderId = "twice-" + UUID.randomUUID();
        assertThat(register(funderId)).isEqualTo(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(funder(funderId))
                .when().post("/admin/funders")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/funder-exists"))
                .body("offendingId", equalTo(funderId));
    }

    @Test
    void racing_registrations_of_one_funder_id_give_one_201_and_conflicts() throws Exception {
        for (int round = 0; round < 5; round++) {
            var funderId = "racing-" + UUID.randomUUID();
            int clients = 8;
            var start = new CountDownLatch(1);
            var answers = new ArrayList<Future<Integer>>();
            try (var pool = Executors.newFixedThreadPool(clients)) {
                for (int i = 0; i < clients; i++) {
                    answers.add(pool.submit((Callable<Integer>) () -> {
                        start.await();
                        return register(funderId);
                    }));
                }
                start.countDown();
                var statuses = new ArrayList<Integer>();
                for (var answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as("round " + round).containsOnly(201, 409).containsOnlyOnce(201);
            }
        }
    }
}
