package org.rapport.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.domain.health.Health.Alert;
import org.rapport.domain.health.Health.Severity;
import org.rapport.domain.health.Health.Status;

/** Triage order: status first, then the most severe alert, then the lower overall. */
class HealthAttentionTest {

    static Health health(String name, Status status, Integer overall, Severity... alerts) {
        var list = java.util.Arrays.stream(alerts).map(s -> new Alert("A-" + s, s, LocalDate.EPOCH, LocalDate.EPOCH,
                List.of(), name)).toList();
        return new Health(Instant.EPOCH, "2", status, List.of(), overall, Map.of(), list, List.of());
    }

    @Test
    void status_then_most_severe_alert_then_lower_overall() {
        var expected = List.of(
                health("red with a critical alert", Status.RED, 70, Severity.LOW, Severity.CRITICAL),
                health("red with a high alert", Status.RED, 20, Severity.HIGH),
                health("red, no alert", Status.RED, 10),
                health("amber with a critical funding cliff", Status.AMBER, 90, Severity.CRITICAL),
                health("amber, lower overall", Status.AMBER, 40, Severity.MEDIUM),
                health("amber, higher overall", Status.AMBER, 60, Severity.MEDIUM),
                health("not enough data", Status.NOT_ENOUGH_DATA, null, Severity.HIGH),
                health("green with a low alert", Status.GREEN, 95, Severity.LOW),
                health("green", Status.GREEN, 80),
                health("green, not scored", Status.GREEN, null),
                health("paused", Status.PAUSED, 30, Severity.CRITICAL),
                health("closed", Status.CLOSED, 30));
        var shuffled = new java.util.ArrayList<>(expected);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.sort(Comparator.comparingInt(Health::attention));
        assertThat(shuffled).extracting(h -> h.alerts().isEmpty() ? h.status() + " " + h.overall()
                : h.alerts().get(0).prompt()).isEqualTo(expected.stream().map(h -> h.alerts().isEmpty()
                        ? h.status() + " " + h.overall() : h.alerts().get(0).prompt()).toList());
    }
}
