package org.rapport.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.domain.EventCatalog;
import org.rapport.testing.LocalInfrastructure;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class OpenApiDocumentTests {

    @Test
    void each_event_type_is_its_own_schema_in_a_oneof_discriminated_on_type_with_an_example() {
        var doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        var types = EventCatalog.all().stream().map(EventCatalog.EventType::name)
                .filter(t -> !t.equals("PartnershipFormed")).toList();

        List<Map<String, String>> oneOf = doc.getList("components.schemas.EventRequest.oneOf");
        assertThat(oneOf).extracting(ref -> ref.get("$ref"))
                .containsExactlyInAnyOrderElementsOf(types.stream().map(t -> "#/components/schemas/" + t + "Event")
                        .toList());
        Map<String, String> mapping = doc.getMap("components.schemas.EventRequest.discriminator.mapping");
        assertThat(mapping.keySet()).containsExactlyInAnyOrderElementsOf(types);
        assertThat(doc.getString("components.schemas.EventRequest.discriminator.propertyName")).isEqualTo("type");

        Map<String, Object> examples = doc.getMap(
                "paths.'/partnerships/{id}/events'.post.requestBody.content.'application/json'.examples");
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(types);

        List<String> required = doc.getList("components.schemas.TrustSurveyRecordedEvent.allOf[1].required");
        assertThat(required).contains("surveyId", "respondentOrg", "ratedOrg", "trust", "type");
    }
}
