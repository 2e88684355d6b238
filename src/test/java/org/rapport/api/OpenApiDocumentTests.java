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

    /**
     * What lets a client build a form for any event type from the contract alone: a title on each
     * type and on each of its fields, a group, and for each id field either where its choices come
     * from or that the event introduces it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void every_payload_field_carries_a_title_and_every_id_its_choices_or_that_it_is_new() {
        var schemas = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("components.schemas");
        for (var type : EventCatalog.all()) {
            var payload = (Map<String, Object>) schemas.get(type.name() + "Payload");
            assertThat(payload.get("title")).as(type.name()).isNotNull().isNotEqualTo(type.name());
            assertThat(payload.get(EventForms.GROUP)).as(type.name()).isIn(EventForms.GROUPS.toArray());
            var properties = (Map<String, Map<String, Object>>) payload.getOrDefault("properties", Map.of());
            properties.forEach((field, property) -> {
                assertThat(property.getOrDefault("title", property.get(EventForms.TITLE))).as(type.name() + "." + field)
                        .isNotNull();
                var isId = field.endsWith("Id") || field.endsWith("Ids") || field.endsWith("Org")
                        || List.of("signatories", "endorsedBy").contains(field);
                if (isId) {
                    assertThat(property.containsKey(EventForms.CHOICES) || property.containsKey(EventForms.NEW_ID)
                            || (type.name() + "." + field).equals("PartnerJoined.orgId"))
                            .as("%s.%s: choices or new", type.name(), field).isTrue();
                }
            });
        }
        var goalId = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schemas
                .get("SharedGoalRevisedPayload")).get("properties")).get("goalId");
        assertThat(goalId).containsEntry(EventForms.CHOICES, "goals").doesNotContainKey(EventForms.NEW_ID);
        var newGoal = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schemas
                .get("SharedGoalAgreedPayload")).get("properties")).get("goalId");
        assertThat(newGoal).containsEntry(EventForms.NEW_ID, true).doesNotContainKey(EventForms.CHOICES);
    }
}
