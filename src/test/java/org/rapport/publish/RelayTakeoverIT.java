package org.rapport.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.testing.KafkaReader.header;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Http;
import org.rapport.testing.KafkaReader;
import org.rapport.testing.PackagedService;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * Two packaged service processes on one database and one broker: only one publishes, nothing is
 * published twice in steady state, and when the publishing process is killed the other takes
 * over and every event still arrives (a consumer deduplicating by ce_id sees each once).
 */
class RelayTakeoverIT {

    static boolean leading(PackagedService instance) {
        var metrics = instance.http().getText("/q/metrics");
        return metrics.lines().anyMatch(l -> l.startsWith("rapport_relay_leading") && l.trim().endsWith(" 1.0"));
    }

    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void one_instance_publishes_and_another_takes_over_when_it_dies() throws Exception {
        var config = PackagedService.freshDatabase("takeover");
        var a = PackagedService.launch("takeover-a", config);
        var b = PackagedService.launch("takeover-b", config);
        try {
            await("one instance leads", () -> leading(a) || leading(b));
            Thread.sleep(2_000);
            assertThat(leading(a) && leading(b)).as("never both").isFalse();
            var leader = leading(a) ? a : b;
            var follower = leader == a ? b : a;

            var id = form(a.http());
            var ids = new ArrayList<String>();
            for (int i = 0; i < 60; i++) {
                ids.add(meet((i % 2 == 0 ? a : b).http(), id, i));
            }
            var steady = KafkaReader.readUntil(Topics.EVENTS, r -> distinct(r, id) >= 61, Duration.ofSeconds(60));
            assertThat(distinct(steady, id)).isEqualTo(61);
            assertThat(steady.stream().filter(r -> id.toString().equals(r.key())).count())
                    .as("nothing published twice in steady state").isEqualTo(61);

            for (int i = 60; i < 90; i++) {
                ids.add(meet(follower.http(), id, i));
                if (i == 65) {
                    leader.kill();
                }
            }
            await("the survivor takes over", () -> leading(follower));
            var all = KafkaReader.readUntil(Topics.EVENTS, r -> distinct(r, id) >= 91, Duration.ofSeconds(60));
            var arrived = new HashSet<String>();
            all.stream().filter(r -> id.toString().equals(r.key())).forEach(r -> arrived.add(header(r, "ce_id")));
            assertThat(arrived).containsAll(ids).hasSize(91);
        } finally {
            a.close();
            b.close();
        }
    }

    static long distinct(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records, UUID id) {
        return records.stream().filter(r -> id.toString().equals(r.key())).map(r -> header(r, "ce_id")).distinct()
                .count();
    }

    static UUID form(Http http) {
        var answer = http.post("/partnerships", Tokens.admin(), Partnerships.formed("Takeover", "to-a", "to-b"), Map.of());
        assertThat(answer.status()).isEqualTo(201);
        return UUID.fromString(answer.body().get("id").asText());
    }

    static String meet(Http http, UUID id, int i) {
        var answer = http.post("/partnerships/" + id + "/events", Tokens.admin(),
                Partnerships.meeting(LocalDate.now().minusDays(i % 30).toString(), "to-a", "to-b"), Map.of());
        assertThat(answer.status()).isEqualTo(201);
        return answer.body().get("eventId").asText();
    }
}
