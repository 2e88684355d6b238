package org.rapport.domain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.domain.HealthDimension.*;
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

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final String[] DRIVE = {"respect", "safelives", "social-finance"};

    /**
     * Three partners' chief executives meeting monthly for years, goal revisited this year, terms
     * of reference, independent chair, core funding 14 months out, the other grant planned for,
     * measures improving, a pilot scaled. The last meeting is {@code lastMeeting}.
     */
    static Timeline driveLike(LocalDate lastMeeting, LocalDate coreEndsOn, boolean planForCore) {
        var t = new Timeline()
                .on(LocalDate.of(2023, 1, 10), formed(PartnershipType.COLLABORATIVE, org("respect", Sector.VOLUNTARY),
                        org("safelives", Sector.VOLUNTARY), org("social-finance", Sector.PRIVATE)))
                .on(LocalDate.of(2023, 3, 1), goal("reduce-harm", DRIVE))
                .on(LocalDate.of(2023, 3, 2), new ChairAppointed(ChairAppointed.Role.INDEPENDENT_CHAIR, "chair", null))
                .on(LocalDate.of(2024, 1, 5), new PilotStarted("pilot", new Location("Essex", "E1"),
                        LocalDate.of(2024, 1, 5)))
                .on(LocalDate.of(2025, 6, 1), new AgreementSigned("tor", AgreementSigned.Kind.TERMS_OF_REFERENCE,
                        List.of(DRIVE), LocalDate.of(2025, 6, 1), LocalDate.of(2027, 5, 1), List.of(
                                AgreementSigned.Covers.ROLES, AgreementSigned.Covers.DECISIONS,
                                AgreementSigned.Covers.RESOURCES, AgreementSigned.Covers.CONFLICT,
                                AgreementSigned.Covers.EXIT, AgreementSigned.Covers.REVIEW)))
                .on(LocalDate.of(2025, 4, 1), funding("core", "home-office", 500_000, LocalDate.of(2025, 4, 1),
                        coreEndsOn, true))
                .on(LocalDate.of(2025, 7, 1), funding("programme", "tudor-trust", 200_000, LocalDate.of(2025, 7, 1),
                        LocalDate.of(2027, 6, 30), false))
                .on(LocalDate.of(2026, 2, 1), agreedPlan("programme-plan", "programme"))
                .on(LocalDate.of(2025, 7, 2), staff("respect", LocalDate.of(2025, 7, 1)))
                .on(LocalDate.of(2025, 7, 3), staff("safelives", LocalDate.of(2025, 7, 1)))
                .on(LocalDate.of(2025, 8, 1), new MeasureDefined("repeat", "reduce-harm", "safelives", "Repeat rate",
                        BigDecimal.valueOf(32), MeasureDefined.Direction.DECREASE, null, MeasureDefined.Cadence.QUARTERLY))
                .on(LocalDate.of(2026, 10, 5), new MeasureRecorded("repeat", LocalDate.of(2026, 9, 30),
                        BigDecimal.valueOf(27)))
                .on(LocalDate.of(2026, 5, 1), new PilotScaled("pilot", new Location("Kent", "E2"),
                        PilotScaled.Kind.REPLICATION))
                .on(LocalDate.of(2026, 6, 1), new MilestoneSet("m100", "First 100", LocalDate.of(2026, 9, 1), null))
                .on(LocalDate.of(2026, 8, 20), new MilestoneReached("m100"))
                .on(LocalDate.of(2026, 9, 15), reaffirmed("reduce-harm", DRIVE))
                .on(TODAY.minusDays(20), operational(DRIVE));
        for (var d = lastMeeting; d.isAfter(LocalDate.of(2023, 2, 1)); d = d.minusDays(30)) {
            t.on(d, seniorSteering(DRIVE));
        }
        if (planForCore) {
            t.on(LocalDate.of(2026, 3, 1), agreedPlan("core-plan", "core"));
        }
        return t;
    }

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
}
