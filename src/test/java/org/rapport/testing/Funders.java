package org.rapport.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.util.Map;

/** Registers funders, as an admin does before their funding can be recorded. */
public final class Funders {

    private Funders() {
    }

    public static void register(String... funderIds) {
        for (var funderId : funderIds) {
            int status = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("funderId", funderId, "name", "Funder " + funderId, "kind", "TRUST"))
                    .when().post("/admin/funders").then().extract().statusCode();
            assertThat(status).as("registering " + funderId).isIn(201, 409);
        }
    }
}
