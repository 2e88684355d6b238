package org.rapport.domain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.domain.HealthDimension.*;
import static org.rapport.domain.health.SeedStories.*;
import static org.rapport.domain.health.Timeline.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.domain.*;
import org.rapport.domain.health.Health.Severity;
import org.rapport.domain.health.Health.Status;

/** The seed stories of the health model, as the spec tells them. */
class WorkedExpectationsTest {


    @Test
    void a_drive_like_partnership_is_green_with_trust_of_at_least_80() {
        var health = driveLike(TODAY.minusDays(2), LocalDate.of(2028, 1, 20), false).healthOn(TODAY);
        assertThat(health.status()).as("%s", health).isEqualTo(Status.GREEN);
        assertThat(health.score(TRUST)).isGreaterThanOrEqualTo(80);
        assertThat(health.alerts()).noneMatch(a -> a.severity() == Severity.HIGH || a.severity() == Severity.CRITICAL);
    }

    @Test
    void a_chief_executive_changed_last_week_with_no_meeting_since_costs_about_15_points_of_trust() {
        var before = driveLike(TODAY.minusDays(10), LocalDate.of(2028, 1, 20), false);
        var trustBefore = before.healthOn(TODAY).score(TRUST);
        var after = driveLike(TODAY.minusDays(10), LocalDate.of(2028, 1, 20), false)
                .on(TODAY.minusDays(7), new LeadershipChanged("safelives", LeadershipChanged.Role.CHIEF_EXECUTIVE,
                        "new-ce", TODAY.minusDays(7), false));
        var health = after.healthOn(TODAY);
        assertThat(trustBefore - health.score(TRUST)).isBetween(12, 16);
        assertThat(health.hasAlert("NEW_LEADER_NOT_MET")).isTrue();
    }

    @Test
    void a_post_left_vacant_for_60_days_makes_it_amber() {
        var t = driveLike(TODAY.minusDays(2), LocalDate.of(2028, 1, 20), false)
                .on(TODAY.minusDays(60), new LeadershipChanged("safelives", LeadershipChanged.Role.CHIEF_EXECUTIVE,
                        null, TODAY.minusDays(60), false));
        var health = t.healthOn(TODAY);
        assertThat(health.status()).as("%s", health).isEqualTo(Status.AMBER);
        assertThat(health.hasAlert("POST_VACANT")).isTrue();
    }

    @Test
    void its_only_core_grant_ending_in_60_days_with_no_agreed_plan_makes_it_red() {
        var health = driveLike(TODAY.minusDays(2), TODAY.plusDays(60), false).healthOn(TODAY);
        assertThat(health.status()).isEqualTo(Status.RED);
        assertThat(health.alerts()).anySatisfy(a -> {
            assertThat(a.code()).isEqualTo("FUNDING_CLIFF");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(health.score(SUSTAINABILITY)).isLessThanOrEqualTo(49);
    }

    @Test
    void an_agreed_plan_for_the_same_grant_removes_the_cliff() {
        var health = driveLike(TODAY.minusDays(2), TODAY.plusDays(60), true).healthOn(TODAY);
        assertThat(health.hasAlert("FUNDING_CLIFF")).isFalse();
    }

    @Test
    void a_three_month_old_partnership_doing_everything_right_is_amber_not_red() {
        // Monthly: the chief executives at board level in the first and third months, their
        // managers at working level in the second.
        var formedOn = TODAY.minusDays(92);
        var t = new Timeline()
                .on(formedOn, formed(PartnershipType.COLLABORATIVE, org("council", Sector.PUBLIC),
                        org("charity", Sector.VOLUNTARY)))
                .on(formedOn.plusDays(2), meeting(MeetingHeld.MeetingKind.BOARD, Seniority.EXECUTIVE, "council", "charity"))
                .on(formedOn.plusDays(2), goal("g", "council", "charity"))
                .on(formedOn.plusDays(32), operational("council", "charity"))
                .on(formedOn.plusDays(62), meeting(MeetingHeld.MeetingKind.BOARD, Seniority.EXECUTIVE, "council", "charity"));
        var health = t.healthOn(TODAY);
        assertThat(health.status()).as("%s", health).isEqualTo(Status.AMBER);
        assertThat(health.score(TRUST)).isLessThan(50);
        assertThat(health.score(SUSTAINABILITY)).isNull();
        assertThat(health.dimensions().get(GOVERNANCE).notAssessed()).anyMatch(n -> n.rule().equals("agreement"));
        assertThat(health.dimensions().get(MOMENTUM).notAssessed()).anyMatch(n -> n.rule().equals("measures-defined"));
        assertThat(health.hasAlert("NO_AGREEMENT")).isFalse();
        assertThat(health.hasAlert("NO_MEASURES")).isFalse();
    }

    @Test
    void partners_who_stopped_meeting_a_year_ago_with_a_13_month_old_goal_are_red() {
        var formedOn = LocalDate.of(2024, 1, 1);
        var t = new Timeline()
                .on(formedOn, formed(PartnershipType.COLLABORATIVE, org("a", Sector.PUBLIC), org("b", Sector.VOLUNTARY)))
                .meetings(formedOn.plusDays(7), TODAY.minusDays(365), 30, seniorSteering("a", "b"))
                .on(TODAY.minusMonths(13), goal("g", "a", "b"));
        var health = t.healthOn(TODAY);
        assertThat(health.status()).isEqualTo(Status.RED);
        assertThat(health.hasAlert("NO_MEETING")).isTrue();
        assertThat(health.hasAlert("GOAL_STALE")).isTrue();
    }

    @Test
    void a_pilot_scaled_to_new_locations_lifts_momentum() {
        var formedOn = LocalDate.of(2025, 1, 1);
        var base = new Timeline()
                .on(formedOn, formed(PartnershipType.COLLABORATIVE, org("a", Sector.PUBLIC), org("b", Sector.VOLUNTARY)))
                .on(formedOn.plusDays(10), new PilotStarted("p", new Location("Three towns", "T3"),
                        formedOn.plusDays(10)));
        var before = base.healthOn(TODAY).score(MOMENTUM);
        for (int i = 0; i < 53; i++) {
            base.on(TODAY.minusDays(60 - i), new PilotScaled("p", new Location("Town " + i, "T" + i),
                    PilotScaled.Kind.REPLICATION));
        }
        var after = base.healthOn(TODAY).score(MOMENTUM);
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void partners_who_understand_the_type_differently_cap_alignment_at_49() {
        var formedOn = LocalDate.of(2025, 1, 1);
        var t = new Timeline()
                .on(formedOn, formed(PartnershipType.COLLABORATIVE, org("a", Sector.PUBLIC), org("b", Sector.VOLUNTARY)))
                .on(formedOn.plusDays(1), goal("g", "a", "b"))
                .on(TODAY.minusDays(30), reaffirmed("g", "a", "b"))
                .on(formedOn.plusDays(2), new PartnershipTypeConfirmed("a", PartnershipType.COLLABORATIVE))
                .on(formedOn.plusDays(3), new PartnershipTypeConfirmed("b", PartnershipType.COOPERATIVE));
        var health = t.healthOn(TODAY);
        assertThat(health.score(ALIGNMENT)).isLessThanOrEqualTo(49);
        assertThat(health.hasAlert("TYPE_MISMATCH")).isTrue();
    }

    // --- v2 ------------------------------------------------------------------------------------

    @Test
    void a_young_partnership_missing_only_its_records_stays_green_over_day_180_and_drifts_to_amber_never_red() {
        var formedOn = LocalDate.of(2026, 1, 1);
        var t = youngAndThriving(formedOn, formedOn.plusDays(420));
        var day179 = t.healthOn(formedOn.plusDays(179));
        var day181 = t.healthOn(formedOn.plusDays(181));
        assertThat(day179.status()).as("%s", day179).isEqualTo(Status.GREEN);
        assertThat(day181.status()).as("%s", day181).isEqualTo(Status.GREEN);
        assertThat(Math.abs(day181.overall() - day179.overall())).isLessThanOrEqualTo(2);
        assertThat(day179.hasAlert("NO_AGREEMENT")).isFalse();
        assertThat(day181.alert("NO_AGREEMENT").orElseThrow().since()).isEqualTo(formedOn.plusDays(180));
        assertThat(day181.alert("NO_MEASURES").orElseThrow().since()).isEqualTo(formedOn.plusDays(180));
        assertThat(day181.dimensions().get(GOVERNANCE).reasons()).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Health.ReasonKind.EXPECTED);
            assertThat(r.text()).isEqualTo("no agreement recorded; expected since day 180, it has the benefit of the"
                    + " doubt for 90 days: it counts as good as the rest of governance (100%), with 99% of that time left");
        });

        var day300 = t.healthOn(formedOn.plusDays(300));
        assertThat(day300.status()).as("%s", day300).isEqualTo(Status.AMBER);
        assertThat(day300.dimensions().get(GOVERNANCE).basis()).isEqualTo(Health.Basis.MISSING_RECORDS);
        assertThat(day300.statusReasons()).anySatisfy(r -> assertThat(r).contains("governance")
                .contains("rest mostly on records not yet made"));
        for (var day = formedOn.plusDays(179); day.isBefore(formedOn.plusDays(420)); day = day.plusDays(1)) {
            assertThat(t.healthOn(day).status()).as("on %s", day).isNotEqualTo(Status.RED);
        }
    }

    @Test
    void drive_paused_for_90_days_between_grants_looks_the_next_day_as_it_did_before_the_pause() {
        // Drive as on TODAY, but its core funding ends 14 months after the day it resumes.
        var pausedOn = TODAY;
        var resumedOn = pausedOn.plusDays(90);
        var t = driveLike(TODAY.minusDays(2), resumedOn.plusMonths(14), false)
                .on(pausedOn, new PartnershipPaused("between grants", resumedOn))
                .on(resumedOn, new PartnershipResumed());
        var before = t.healthOn(pausedOn.minusDays(1));
        var after = t.healthOn(resumedOn.plusDays(1));
        assertThat(after.status()).as("%s", after).isEqualTo(before.status());
        assertThat(Math.abs(after.overall() - before.overall())).isLessThanOrEqualTo(3);
        // Only dates set in the world moved: the funding is 90 days nearer its end.
        for (var d : List.of(TRUST, ALIGNMENT, GOVERNANCE, ENGAGEMENT)) {
            assertThat(Math.abs(after.score(d) - before.score(d))).as("%s", d).isLessThanOrEqualTo(1);
        }
        assertThat(after.score(SUSTAINABILITY)).isLessThan(before.score(SUSTAINABILITY));

        var pauseDay = t.healthOn(pausedOn);
        assertThat(pauseDay.status()).isEqualTo(Status.PAUSED);
        for (var during : List.of(pausedOn.plusDays(1), pausedOn.plusDays(60), resumedOn.minusDays(1))) {
            var held = t.healthOn(during);
            assertThat(held.status()).isEqualTo(Status.PAUSED);
            assertThat(held.overall()).isEqualTo(pauseDay.overall());
            assertThat(held.dimensions()).isEqualTo(pauseDay.dimensions());
            assertThat(held.alerts()).isEqualTo(pauseDay.alerts());
        }
    }

    @Test
    void a_long_pause_holds_the_health_of_the_pause_day_however_long_it_lasts() {
        var pausedOn = TODAY.minusDays(400);
        var t = driveLike(pausedOn.minusDays(2), pausedOn.plusMonths(30), false);
        t.events.removeIf(e -> e.occurredAt().isAfter(pausedOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        t.on(pausedOn, new PartnershipPaused("waiting for a new grant", pausedOn.plusMonths(12)))
                .on(pausedOn.plusDays(60), seniorSteering(DRIVE));
        var pauseDay = t.healthOn(pausedOn);
        var now = t.healthOn(TODAY);
        assertThat(now.status()).isEqualTo(Status.PAUSED);
        assertThat(now.overall()).isEqualTo(pauseDay.overall());
        assertThat(now.dimensions()).isEqualTo(pauseDay.dimensions());
        assertThat(now.statusReasons()).containsExactly("paused on " + pausedOn
                + ": its health is held as it was that day until it resumes");
        assertThat(now.nextSteps()).isEmpty();
    }

    @Test
    void a_meeting_held_during_a_pause_counts_from_the_day_the_partnership_resumes() {
        var formedOn = LocalDate.of(2025, 1, 1);
        var pausedOn = LocalDate.of(2025, 6, 1);
        var resumedOn = pausedOn.plusDays(120);
        var paused = new Timeline()
                .on(formedOn, formed(PartnershipType.COLLABORATIVE, org("a", Sector.PUBLIC), org("b", Sector.VOLUNTARY)))
                .meetings(formedOn.plusDays(5), pausedOn.minusDays(1), 30, seniorSteering("a", "b"))
                .on(pausedOn, new PartnershipPaused("a quiet summer", resumedOn))
                .on(pausedOn.plusDays(60), seniorSteering("a", "b"))
                .on(resumedOn, new PartnershipResumed());
        var resumedSameDay = new Timeline()
                .on(formedOn, formed(PartnershipType.COLLABORATIVE, org("a", Sector.PUBLIC), org("b", Sector.VOLUNTARY)))
                .meetings(formedOn.plusDays(5), pausedOn.minusDays(1), 30, seniorSteering("a", "b"))
                .on(pausedOn, new PartnershipPaused("a quiet summer", resumedOn))
                .on(resumedOn, new PartnershipResumed())
                .on(resumedOn, seniorSteering("a", "b"));
        var day = resumedOn.plusDays(10);
        var held = paused.healthOn(day);
        var moved = resumedSameDay.healthOn(day);
        assertThat(held.overall()).isEqualTo(moved.overall());
        for (var d : HealthDimension.values()) {
            assertThat(held.dimensions().get(d).reasons()).extracting(Health.Reason::earned)
                    .as("%s", d).isEqualTo(moved.dimensions().get(d).reasons().stream().map(Health.Reason::earned).toList());
        }
    }

    @Test
    void a_partnership_formed_today_has_nothing_scored_and_not_enough_data() {
        var health = new Timeline().on(TODAY, formed(PartnershipType.COLLABORATIVE, org("a", Sector.PUBLIC),
                org("b", Sector.VOLUNTARY))).healthOn(TODAY);
        assertThat(health.status()).isEqualTo(Status.NOT_ENOUGH_DATA);
        assertThat(health.overall()).isNull();
        assertThat(health.dimensions().values()).allSatisfy(d -> {
            assertThat(d.score()).isNull();
            assertThat(d.notAssessed()).isNotEmpty();
        });
        assertThat(health.statusReasons()).contains("the partnership is 0 days old; a status is given from day 60",
                "no meeting has been recorded yet");
    }
}
