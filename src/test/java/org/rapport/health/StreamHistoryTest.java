package org.rapport.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.domain.EventVoided;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.MeetingHeld;
import org.rapport.domain.PartnershipEvent;
import org.rapport.domain.RiskRaised;
import org.rapport.domain.Seniority;

/** The kept stream history: what it hands an assessment, and how later events move it forward. */
class StreamHistoryTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final MeetingHeld MEETING = new MeetingHeld(MeetingHeld.MeetingFormat.VIRTUAL,
            MeetingHeld.MeetingKind.OPERATIONAL, List.of(new MeetingHeld.Attendee("a", "org-a", Seniority.MANAGER)));
    static final RiskRaised RISK = new RiskRaised("risk-1", RiskRaised.Category.FUNDING, 3, 4);

    final List<HistoricEvent> stream = new ArrayList<>();

    HistoricEvent add(Instant occurredAt, PartnershipEvent payload) {
        var e = new HistoricEvent(UUID.randomUUID(), stream.size() + 1, occurredAt, payload);
        stream.add(e);
        return e;
    }

    static StreamHistories.History empty(Instant now) {
        return new StreamHistories.History(0, now.minus(HealthProjector.WINDOW), List.of());
    }

    @Test
    void a_void_among_later_events_removes_its_target_and_is_not_itself_assessed() {
        var meeting = add(NOW.minus(3, ChronoUnit.DAYS), MEETING);
        var risk = add(NOW.minus(2, ChronoUnit.DAYS), RISK);
        var kept = empty(NOW).then(List.copyOf(stream), NOW);
        var voiding = add(NOW, new EventVoided(meeting.eventId(), "recorded in error"));

        var after = kept.then(List.of(voiding), NOW);

        assertThat(after.version()).isEqualTo(3);
        assertThat(after.events()).containsExactly(risk);
        assertThat(after.at(NOW)).containsExactly(risk);
    }

    @Test
    void an_assessment_reads_only_what_occurred_by_then_and_frequent_kinds_only_within_the_window() {
        var old = NOW.minus(HealthProjector.WINDOW).minus(1, ChronoUnit.DAYS);
        var oldMeeting = add(old, MEETING);
        var oldRisk = add(old, RISK);
        var recent = add(NOW.minus(1, ChronoUnit.DAYS), MEETING);
        var future = add(NOW.plus(1, ChronoUnit.DAYS), MEETING);
        var kept = new StreamHistories.History(4, old.minus(1, ChronoUnit.DAYS), List.copyOf(stream));

        assertThat(kept.at(NOW)).containsExactlyInAnyOrder(oldRisk, recent);
        assertThat(kept.at(NOW.plus(2, ChronoUnit.DAYS))).containsExactlyInAnyOrder(oldRisk, recent, future);
        assertThat(kept.at(old)).containsExactly(oldMeeting, oldRisk);
    }

    @Test
    void moving_forward_drops_frequent_events_that_left_the_window_and_keeps_structural_ones() {
        var old = NOW.minus(HealthProjector.WINDOW).minus(1, ChronoUnit.DAYS);
        add(old, MEETING);
        var oldRisk = add(old, RISK);
        var kept = new StreamHistories.History(2, old.minus(1, ChronoUnit.DAYS), List.copyOf(stream));
        var recent = add(NOW, MEETING);

        var after = kept.then(List.of(recent), NOW);

        assertThat(after.events()).containsExactly(oldRisk, recent);
        assertThat(after.windowStart()).isEqualTo(NOW.minus(HealthProjector.WINDOW));
        assertThat(after.covers(NOW)).isTrue();
        assertThat(after.covers(NOW.minus(1, ChronoUnit.DAYS))).as("an earlier moment needs older meetings")
                .isFalse();
    }
}
