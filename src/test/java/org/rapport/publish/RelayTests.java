package org.rapport.publish;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.testing.KafkaReader.header;
import static org.rapport.testing.Partnerships.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.devstack.LocalKafka;
import org.rapport.testing.Funders;
import org.rapport.testing.KafkaReader;
import org.rapport.testing.LocalInfrastructure;
import org.rapport.testing.MovableClock;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(LocalInfrastructure.class)
class RelayTests {

    @AfterEach
    void backToNow() {
        MovableClock.reset();
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static String record(UUID id, Object body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships/" + id + "/events").then().statusCode(201).extract().path("eventId");
    }

    static List<ConsumerRecord<String, byte[]>> of(List<ConsumerRecord<String, byte[]>> records, UUID partnership) {
        return records.stream().filter(r -> partnership.toString().equals(r.key())).toList();
    }

    @Test
    void every_event_arrives_in_stream_order_as_a_cloudevent() throws Exception {
        var id = Partnerships.form("relay-a", "relay-b");
        var ids = new ArrayList<String>();
        for (int day = 1; day <= 5; day++) {
            ids.add(record(id, meeting(LocalDate.now().minusDays(day).toString(), "relay-a", "relay-b")));
        }
        var records = KafkaReader.readUntil(Topics.EVENTS, r -> of(r, id).size() >= 6, PATIENCE);
        var mine = of(records, id);
        assertThat(mine).extracting(r -> header(r, "ce_streamversion")).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(mine.subList(1, 6)).extracting(r -> header(r, "ce_id")).containsExactlyElementsOf(ids);
        var meeting = mine.get(1);
        assertThat(header(meeting, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(meeting, "ce_type")).isEqualTo("org.rapport.partnership.meeting-held.v1");
        assertThat(header(meeting, "ce_source")).isEqualTo("/partnerships/" + id);
        assertThat(header(meeting, "ce_subject")).isEqualTo(id.toString());
        assertThat(header(meeting, "ce_time")).startsWith(LocalDate.now().minusDays(1).toString());
        assertThat(header(meeting, "ce_recordedby")).isEqualTo("an-admin");
        var recordedAt = given().auth().oauth2(Tokens.admin()).get("/partnerships/" + id + "/events/" + ids.get(0))
                .then().statusCode(200).extract().jsonPath().getString("recordedAt");
        assertThat(java.time.Instant.parse(header(meeting, "ce_recordedat"))).isEqualTo(java.time.Instant.parse(recordedAt));
        assertThat(header(meeting, "ce_position")).isNotBlank();
        assertThat(header(meeting, "content-type")).isEqualTo("application/json");
        assertThat(header(mine.get(0), "ce_type")).isEqualTo("org.rapport.partnership.partnership-formed.v1");
        var data = JSON.readTree(meeting.value());
        assertThat(data.get("kind").asText()).isEqualTo("STEERING");
        assertThat(data.get("attendees")).hasSize(2);
    }

    @Test
    void appends_succeed_while_the_broker_is_down_and_every_event_arrives_once_it_is_back() {
        var id = Partnerships.form("outage-a", "outage-b");
        var ids = new ArrayList<String>();
        LocalKafka.stop();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(record(id, meeting(LocalDate.now().minusDays(i % 10).toString(), "outage-a", "outage-b")));
            }
            given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            LocalKafka.restart();
        }
        var records = KafkaReader.readUntil(Topics.EVENTS,
                r -> of(r, id).stream().map(x -> header(x, "ce_id")).distinct().count() >= 21, PATIENCE);
        var arrived = of(records, id).stream().map(r -> header(r, "ce_id")).distinct().toList();
        assertThat(arrived).containsAll(ids);
        var versions = of(records, id).stream().map(r -> Long.parseLong(header(r, "ce_streamversion"))).toList();
        assertThat(versions).isSorted();
    }

    @Test
    void a_funder_receives_its_partnerships_history_and_events_but_never_survey_responses() {
        var funder = "fund-" + UUID.randomUUID().toString().substring(0, 8);
        Funders.register(funder);
        var id = Partnerships.form("funded-a", "funded-b");
        var unfunded = Partnerships.form("funded-a", "funded-b");
        var first = record(id, meeting(LocalDate.now().minusDays(9).toString(), "funded-a", "funded-b"));
        var survey = record(id, Map.of("type", "TrustSurveyRecorded", "occurredAt", LocalDate.now().minusDays(8).toString(),
                "surveyId", "s1", "respondentOrg", "funded-a", "ratedOrg", "funded-b", "trust", 2, "reliability", 3,
                "openness", 3, "sharedInterest", 4));
        var funding = record(id, Map.of("type", "FundingSecured", "occurredAt", LocalDate.now().minusDays(7).toString(),
                "fundingId", "grant", "funder", Map.of("funderId", funder), "amount", 1000, "currency", "GBP",
                "startsOn", LocalDate.now().minusDays(7).toString(), "coreCosts", true));
        var later = record(id, meeting(LocalDate.now().minusDays(1).toString(), "funded-a", "funded-b"));
        record(unfunded, meeting(LocalDate.now().minusDays(1).toString(), "funded-a", "funded-b"));

        var records = KafkaReader.readUntil(Topics.funderEvents(funder),
                r -> r.stream().anyMatch(x -> later.equals(header(x, "ce_id"))), PATIENCE);
        var seen = records.stream().map(r -> header(r, "ce_id")).toList();
        assertThat(seen).contains(first, funding, later).doesNotContain(survey);
        assertThat(records).allMatch(r -> id.toString().equals(r.key()));
        assertThat(records).noneMatch(r -> header(r, "ce_type").contains("trust-survey"));
        assertThat(records.get(0).headers().lastHeader("ce_streamversion").value()).isEqualTo("1".getBytes());
        var health = KafkaReader.readUntil(Topics.funderHealth(funder), r -> !of(r, id).isEmpty(), PATIENCE);
        assertThat(of(health, id)).as("the funder's health topic starts with the current health").isNotEmpty();
        assertThat(health).noneMatch(r -> unfunded.toString().equals(r.key()));
    }

    static boolean assessedAfter(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, Instant moment) {
        try {
            return Instant.parse(JSON.readTree(record.value()).path("assessedAt").asText()).isAfter(moment);
        } catch (java.io.IOException | java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    @Test
    void a_health_change_caused_by_time_alone_reaches_partnership_health() throws Exception {
        var id = Partnerships.form("timely-a", "timely-b");
        for (int daysAgo = 90; daysAgo >= 0; daysAgo -= 30) {
            record(id, meeting(LocalDate.now().minusDays(daysAgo).toString(), "timely-a", "timely-b"));
        }
        var movedTo = new MovableClock().instant().plus(Duration.ofDays(199));
        MovableClock.advance(Duration.ofDays(200));
        given().auth().oauth2(Tokens.admin()).when().post("/admin/health/reassess").then().statusCode(200);
        // The first meeting's append already said NO_MEETING (its last meeting was 90 days before):
        // wait for the record the reassessment wrote, assessed after the clock moved.
        var records = KafkaReader.readUntil(Topics.HEALTH, r -> of(r, id).stream()
                .anyMatch(x -> assessedAfter(x, movedTo)), PATIENCE);
        var mine = of(records, id);
        assertThat(mine).isNotEmpty();
        var latest = JSON.readTree(mine.stream().filter(x -> assessedAfter(x, movedTo)).reduce((a, b) -> b)
                .orElseThrow().value());
        assertThat(latest.get("partnershipId").asText()).isEqualTo(id.toString());
        assertThat(latest.get("alerts").toString()).contains("NO_MEETING");
        assertThat(latest.get("scores").has("trust")).isTrue();
        assertThat(latest.get("paramsVersion").asText()).isEqualTo("2");
        assertThat(mine).as("after the meetings, before time passed")
                .anyMatch(r -> !new String(r.value()).contains("NO_MEETING"));
    }

    @Test
    void an_admin_replays_the_log_from_a_position() {
        var id = Partnerships.form("replay-a", "replay-b");
        var eventId = record(id, meeting(LocalDate.now().toString(), "replay-a", "replay-b"));
        var first = KafkaReader.readUntil(Topics.EVENTS,
                r -> r.stream().anyMatch(x -> eventId.equals(header(x, "ce_id"))), PATIENCE);
        var position = first.stream().filter(x -> eventId.equals(header(x, "ce_id"))).findFirst()
                .map(x -> header(x, "ce_position")).orElseThrow();
        given().auth().oauth2(Tokens.admin()).queryParam("fromPosition", position)
                .when().post("/admin/relay/replay").then().statusCode(200);
        var again = KafkaReader.readUntil(Topics.EVENTS,
                r -> r.stream().filter(x -> eventId.equals(header(x, "ce_id"))).count() >= 2, PATIENCE);
        assertThat(again.stream().filter(x -> eventId.equals(header(x, "ce_id")))).hasSizeGreaterThanOrEqualTo(2);
        given().auth().oauth2(Tokens.partner("replay-a")).queryParam("fromPosition", position)
                .when().post("/admin/relay/replay").then().statusCode(403);
    }

    @Test
    void a_registered_funder_has_its_topics_before_any_funding_names_it() throws Exception {
        var funder = "early-" + UUID.randomUUID().toString().substring(0, 8);
        Funders.register(funder);
        var wanted = java.util.Set.of(Topics.funderEvents(funder), Topics.funderHealth(funder));
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                System.getProperty(LocalInfrastructure.KAFKA)))) {
            var deadline = System.nanoTime() + PATIENCE.toNanos();
            var topics = admin.listTopics().names().get();
            while (!topics.containsAll(wanted) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                topics = admin.listTopics().names().get();
            }
            assertThat(topics).containsAll(wanted);
        }
    }

    @Test
    void the_asyncapi_document_is_served() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("funder.{funderId}.partnership-events"));
    }

    @Test
    void a_funder_whose_funding_was_voided_stops_receiving_the_partnerships_events() {
        var funder = "void-" + UUID.randomUUID().toString().substring(0, 8);
        Funders.register(funder);
        var id = Partnerships.form("voidf-a", "voidf-b");
        var fundingEvent = record(id, Map.of("type", "FundingSecured", "occurredAt", LocalDate.now().minusDays(5).toString(),
                "fundingId", "grant", "funder", Map.of("funderId", funder), "amount", 1000, "currency", "GBP",
                "startsOn", LocalDate.now().minusDays(5).toString(), "coreCosts", false));
        var voiding = record(id, Map.of("type", "EventVoided", "occurredAt", LocalDate.now().minusDays(4).toString(),
                "voidedEventId", fundingEvent, "reason", "recorded against the wrong funder"));
        var after = record(id, meeting(LocalDate.now().minusDays(1).toString(), "voidf-a", "voidf-b"));
        KafkaReader.readUntil(Topics.EVENTS, r -> r.stream().anyMatch(x -> after.equals(header(x, "ce_id"))), PATIENCE);
        // Everything the relay sent is on the topic by now (it moved past `after`): read it all.
        var records = KafkaReader.readUntil(Topics.funderEvents(funder), r -> false, Duration.ofSeconds(5));
        var seen = records.stream().map(r -> header(r, "ce_id")).toList();
        assertThat(seen).contains(fundingEvent, voiding).doesNotContain(after);
    }
}
