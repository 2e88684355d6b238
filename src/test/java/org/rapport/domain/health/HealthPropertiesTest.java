package org.rapport.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.HistoricEvent;

/** Properties of the health model over generated histories (seeded; a failure names its seed). */
class HealthPropertiesTest {

    static final int HISTORIES = 300;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    static List<HistoricEvent> historic(List<HistoryGenerator.Dated> dated) {
        var events = new java.util.ArrayList<HistoricEvent>();
        for (var d : dated) {
            events.add(new HistoricEvent(d.eventId(), events.size() + 1, HistoryGenerator.at(d.on()), d.event()));
        }
        return events;
    }

    @Test
    void every_score_is_between_0_and_100_or_null_and_every_reason_names_only_this_partnerships_events() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            var generated = new HistoryGenerator(seed, "p" + seed).history(TODAY.minusDays(900), TODAY, 80);
            var events = historic(generated);
            var ids = events.stream().map(HistoricEvent::eventId).collect(Collectors.toSet());
            for (var asOf : List.of(TODAY.minusDays(400), TODAY.minusDays(30), TODAY, TODAY.plusDays(400))) {
                var health = HealthAssessor.assess(events, asOf.atTime(23, 0).toInstant(ZoneOffset.UTC),
                        HealthParams.CURRENT);
                var message = "seed " + seed + " asOf " + asOf;
                assertThat(health.overall()).as(message).satisfiesAnyOf(o -> assertThat(o).isNull(),
                        o -> assertThat(o).isBetween(0, 100));
                for (var d : HealthDimension.values()) {
                    var dimension = health.dimensions().get(d);
                    if (dimension.score() == null) {
                        assertThat(dimension.confidence()).as(message).isEqualTo(Health.Confidence.NONE);
                    } else {
                        assertThat(dimension.score()).as(message + " " + d).isBetween(0, 100);
                    }
                    var named = new HashSet<java.util.UUID>();
                    dimension.reasons().forEach(r -> named.addAll(r.eventIds()));
                    assertThat(ids).as(message + " " + d).containsAll(named);
                }
                health.alerts().forEach(a -> assertThat(ids).as(message).containsAll(a.eventIds()));
            }
        }
    }
}
