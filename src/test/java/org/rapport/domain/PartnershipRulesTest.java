package org.rapport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.domain.Stories.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rapport.domain.Partnership.MilestoneStatus;
import org.rapport.domain.Partnership.Status;

/** Every event type's happy path and every rule about the partnership's state. */
class PartnershipRulesTest {

    @Nested
    class Partners {

        @Test
        void an_organisation_joins_in_a_role() {
            var after = given(formed()).when(joined("council")).thenAccepted();
            assertThat(after.partners()).extracting(Partner::orgId).endsWith("council");
            assertThat(after.partners().get(3).role()).isEqualTo(PartnerRole.COMMISSIONER);
        }

        @Test
        void a_current_partner_cannot_join_again() {
            given(formed()).when(joined("respect")).thenBreaks(Rule.ALREADY_A_PARTNER, "respect");
        }

        @Test
        void a_partner_that_left_may_rejoin() {
            given(formed(), left("respect")).when(joined("respect")).thenAccepted();
        }

        @Test
        void a_partner_leaves_and_becomes_a_former_partner_without_access() {
            var after = given(formed()).when(new PartnerLeft("respect", PartnerLeft.Reason.CONFLICT)).thenAccepted();
            assertThat(after.isPartner("respect")).isFalse();
            assertThat(after.formerPartners()).singleElement().satisfies(f -> {
                assertThat(f.orgId()).isEqualTo("respect");
                assertThat(f.reason()).isEqualTo(PartnerLeft.Reason.CONFLICT);
            });
        }

        @Test
        void only_a_current_partner_can_leave() {
            given(formed()).when(left("acme")).thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }

        @Test
        void two_partners_must_remain() {
            given(formedBy("a", "b")).when(left("a")).thenBreaks(Rule.TOO_FEW_PARTNERS, "a");
        }

        @Test
        void a_partner_confirms_the_type_it_understands() {
            var after = given(formed())
                    .when(new PartnershipTypeConfirmed("safelives", PartnershipType.COORDINATED)).thenAccepted();
            assertThat(after.partners().get(1).understoodType()).isEqualTo(PartnershipType.COORDINATED);
        }

        @Test
        void only_a_partner_confirms_the_type() {
            given(formed()).when(new PartnershipTypeConfirmed("acme", PartnershipType.COORDINATED))
                    .thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }
    }

    @Nested
    class Trust {

        @Test
        void partners_meet() {
            given(formed()).when(met("respect", "safelives")).thenAccepted();
        }

        @Test
        void an_outsider_at_a_meeting_breaks_a_rule() {
            given(formed()).when(met("respect", "acme")).thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }

        @Test
        void a_partner_rates_another_once_per_survey() {
            var after = given(formed()).when(rated("s1", "respect", "safelives")).thenAccepted();
            assertThat(after.surveyResponses()).containsExactly("s1/respect/safelives");
            given(formed(), rated("s1", "respect", "safelives")).when(rated("s1", "respect", "safelives"))
                    .thenBreaks(Rule.SURVEY_RESPONSE_EXISTS, "s1");
            given(formed(), rated("s1", "respect", "safelives")).when(rated("s2", "respect", "safelives"))
                    .thenAccepted();
        }

        @Test
        void only_partners_rate_and_are_rated() {
            given(formed()).when(rated("s1", "acme", "safelives")).thenBreaks(Rule.NOT_A_PARTNER, "acme");
            given(formed()).when(rated("s1", "respect", "acme")).thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }
    }

    @Nested
    class Goals {

        @Test
        void partners_agree_a_primary_goal() {
            var after = given(formed()).when(goal("g1", true, "respect", "safelives")).thenAccepted();
            assertThat(after.activePrimaryGoal()).hasValueSatisfying(g -> {
                assertThat(g.goalId()).isEqualTo("g1");
                assertThat(g.endorsedBy()).containsExactly("respect", "safelives");
            });
        }

        @Test
        void a_goal_id_is_agreed_once() {
            given(formed(), goal("g1", false)).when(goal("g1", false)).thenBreaks(Rule.GOAL_EXISTS, "g1");
        }

        @Test
        void one_primary_goal_at_a_time() {
            given(formed(), goal("g1", true)).when(goal("g2", true)).thenBreaks(Rule.PRIMARY_GOAL_EXISTS, "g1");
            given(formed(), goal("g1", true), goalRetired("g1")).when(goal("g2", true)).thenAccepted();
            given(formed(), goal("g1", true)).when(goal("g2", false)).thenAccepted();
        }

        @Test
        void only_partners_endorse() {
            given(formed()).when(goal("g1", true, "acme")).thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }

        @Test
        void a_goal_is_revisited() {
            var after = given(formed(), goal("g1", true)).whenOn(LocalDate.of(2026, 6, 1), revised("g1"))
                    .thenAccepted();
            assertThat(after.goal("g1")).hasValueSatisfying(g -> {
                assertThat(g.statement()).isEqualTo("Reduce repeat harm");
                assertThat(g.lastRevisedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
            });
        }

        @Test
        void reaffirming_keeps_the_statement() {
            var after = given(formed(), goal("g1", true)).when(new SharedGoalRevised("g1",
                    SharedGoalRevised.Change.REAFFIRMED, null, List.of("respect"))).thenAccepted();
            assertThat(after.goal("g1").orElseThrow().statement()).isEqualTo("Reduce harm");
        }

        @Test
        void only_an_agreed_active_goal_is_revised_or_retired() {
            given(formed()).when(revised("g9")).thenBreaks(Rule.UNKNOWN_GOAL, "g9");
            given(formed(), goal("g1", true), goalRetired("g1")).when(revised("g1"))
                    .thenBreaks(Rule.GOAL_NOT_ACTIVE, "g1");
            given(formed()).when(goalRetired("g9")).thenBreaks(Rule.UNKNOWN_GOAL, "g9");
            given(formed(), goal("g1", true), goalRetired("g1")).when(goalRetired("g1"))
                    .thenBreaks(Rule.GOAL_NOT_ACTIVE, "g1");
        }

        @Test
        void a_goal_is_retired() {
            var after = given(formed(), goal("g1", true)).when(goalRetired("g1")).thenAccepted();
            assertThat(after.activePrimaryGoal()).isEmpty();
            assertThat(after.goal("g1").orElseThrow().retiredReason()).isEqualTo(SharedGoalRetired.Reason.ACHIEVED);
        }

        @Test
        void partners_assess_their_capability() {
            var after = given(formed()).when(new CapabilityAssessmentHeld(List.of("respect", "safelives"), true))
                    .thenAccepted();
            assertThat(after.lastCapabilityAssessment().chiefExecutivesPresent()).isTrue();
            given(formed()).when(new CapabilityAssessmentHeld(List.of("acme"), true))
                    .thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }

        @Test
        void a_health_check_is_recorded() {
            given(formed()).when(new HealthCheckCompleted(HealthCheckCompleted.Instrument.NUFFIELD, 5,
                    BigDecimal.ONE, BigDecimal.TEN, List.of(new HealthCheckCompleted.FactorScore("P4",
                            new BigDecimal("7.5"), 5, null)))).thenAccepted();
        }
    }

    @Nested
    class Governance {

        @Test
        void partners_sign_an_agreement() {
            var after = given(formed()).when(signed("tor", "respect", "safelives")).thenAccepted();
            assertThat(after.agreement("tor")).hasValueSatisfying(a -> assertThat(a.inForce()).isTrue());
        }

        @Test
        void an_agreement_is_signed_once_by_partners() {
            given(formed(), signed("tor", "respect")).when(signed("tor", "respect"))
                    .thenBreaks(Rule.AGREEMENT_EXISTS, "tor");
            given(formed()).when(signed("tor", "acme")).thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }

        @Test
        void an_agreement_in_force_ends_once() {
            var after = given(formed(), signed("tor", "respect")).when(agreementEnded("tor")).thenAccepted();
            assertThat(after.agreement("tor").orElseThrow().inForce()).isFalse();
            given(formed()).when(agreementEnded("tor")).thenBreaks(Rule.UNKNOWN_AGREEMENT, "tor");
            given(formed(), signed("tor", "respect"), agreementEnded("tor")).when(agreementEnded("tor"))
                    .thenBreaks(Rule.AGREEMENT_NOT_IN_FORCE, "tor");
        }

        @Test
        void a_chair_is_appointed_independent_or_from_a_partner() {
            var after = given(formed())
                    .when(new ChairAppointed(ChairAppointed.Role.INDEPENDENT_CHAIR, "p-chair", null)).thenAccepted();
            assertThat(after.chair().role()).isEqualTo(ChairAppointed.Role.INDEPENDENT_CHAIR);
            given(formed()).when(new ChairAppointed(ChairAppointed.Role.PARTNER_CHAIR, "p", "respect"))
                    .thenAccepted();
            given(formed()).when(new ChairAppointed(ChairAppointed.Role.PARTNER_CHAIR, "p", "acme"))
                    .thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }

        @Test
        void a_chief_executive_changes_and_a_post_falls_vacant() {
            var change = new LeadershipChanged("safelives", LeadershipChanged.Role.CHIEF_EXECUTIVE, "p-new",
                    LocalDate.of(2026, 4, 1), false);
            var after = given(formed()).when(change).thenAccepted();
            assertThat(after.leadership()).singleElement().satisfies(p -> assertThat(p.holderRef()).isEqualTo("p-new"));
            var vacant = new LeadershipChanged("safelives", LeadershipChanged.Role.CHIEF_EXECUTIVE, null,
                    LocalDate.of(2026, 6, 1), false);
            var later = given(formed(), change).when(vacant).thenAccepted();
            assertThat(later.leadership()).singleElement().satisfies(p -> {
                assertThat(p.holderRef()).isNull();
                assertThat(p.since()).isEqualTo(LocalDate.of(2026, 6, 1));
            });
            given(formed()).when(new LeadershipChanged("acme", LeadershipChanged.Role.CHIEF_EXECUTIVE, "p",
                    LocalDate.of(2026, 4, 1), true)).thenBreaks(Rule.NOT_A_PARTNER, "acme");
            given(formed()).when(new LeadershipChanged(null, LeadershipChanged.Role.PARTNERSHIP_LEAD, "p",
                    LocalDate.of(2026, 4, 1), true)).thenAccepted();
        }

        @Test
        void risks_are_raised_and_resolved_once() {
            var after = given(formed()).when(risk("r1")).thenAccepted();
            assertThat(after.risk("r1").orElseThrow().open()).isTrue();
            given(formed(), risk("r1")).when(risk("r1")).thenBreaks(Rule.RISK_EXISTS, "r1");
            var resolved = given(formed(), risk("r1"))
                    .when(new RiskResolved("r1", RiskResolved.Outcome.MITIGATED)).thenAccepted();
            assertThat(resolved.risk("r1").orElseThrow().open()).isFalse();
            given(formed()).when(new RiskResolved("r1", RiskResolved.Outcome.LAPSED))
                    .thenBreaks(Rule.UNKNOWN_RISK, "r1");
            given(formed(), risk("r1"), new RiskResolved("r1", RiskResolved.Outcome.LAPSED))
                    .when(new RiskResolved("r1", RiskResolved.Outcome.LAPSED)).thenBreaks(Rule.RISK_NOT_OPEN, "r1");
        }
    }

    @Nested
    class Sustainability {

        @Test
        void funding_is_secured_once_and_ends_once() {
            var after = given(formed()).when(funding("grant")).thenAccepted();
            assertThat(after.funding("grant").orElseThrow().active()).isTrue();
            given(formed(), funding("grant")).when(funding("grant")).thenBreaks(Rule.FUNDING_EXISTS, "grant");
            var ended = given(formed(), funding("grant")).when(new FundingEnded("grant", true)).thenAccepted();
            assertThat(ended.funding("grant").orElseThrow()).satisfies(f -> {
                assertThat(f.active()).isFalse();
                assertThat(f.endedEarly()).isTrue();
            });
        }

        @Test
        void funding_must_be_secured_and_active_to_end() {
            given(formed()).when(fundingEnded("grant")).thenBreaks(Rule.UNKNOWN_FUNDING, "grant");
            given(formed(), funding("grant"), fundingEnded("grant")).when(fundingEnded("grant"))
                    .thenBreaks(Rule.FUNDING_NOT_ACTIVE, "grant");
        }

        @Test
        void a_continuation_plan_covers_recorded_funding_and_is_replaced_when_agreed() {
            var draft = plan("p1", ContinuationPlanRecorded.Status.DRAFT, "grant");
            var agreed = plan("p1", ContinuationPlanRecorded.Status.AGREED, "grant");
            var after = given(formed(), funding("grant"), draft).when(agreed).thenAccepted();
            assertThat(after.plans()).singleElement()
                    .satisfies(p -> assertThat(p.status()).isEqualTo(ContinuationPlanRecorded.Status.AGREED));
            given(formed()).when(draft).thenBreaks(Rule.UNKNOWN_FUNDING, "grant");
        }

        @Test
        void a_partner_commits_resources() {
            var commit = new ResourceCommitted("respect", ResourceCommitted.Kind.STAFF_FTE, BigDecimal.ONE,
                    LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31));
            assertThat(given(formed()).when(commit).thenAccepted().resources()).hasSize(1);
            given(formed()).when(new ResourceCommitted("acme", ResourceCommitted.Kind.CASH, BigDecimal.ONE,
                    LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31))).thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }
    }

    @Nested
    class Momentum {

        @Test
        void a_measure_is_defined_for_an_active_goal_by_a_partner() {
            var after = given(formed(), goal("g1", true)).when(measure("m1", "g1", "respect")).thenAccepted();
            assertThat(after.measure("m1")).isPresent();
            given(formed(), goal("g1", true), measure("m1", "g1", "respect")).when(measure("m1", "g1", "respect"))
                    .thenBreaks(Rule.MEASURE_EXISTS, "m1");
            given(formed()).when(measure("m1", "g1", "respect")).thenBreaks(Rule.UNKNOWN_GOAL, "g1");
            given(formed(), goal("g1", true), goalRetired("g1")).when(measure("m1", "g1", "respect"))
                    .thenBreaks(Rule.GOAL_NOT_ACTIVE, "g1");
            given(formed(), goal("g1", true)).when(measure("m1", "g1", "acme"))
                    .thenBreaks(Rule.NOT_A_PARTNER, "acme");
        }

        @Test
        void a_measure_has_one_value_per_period_and_keeps_the_latest() {
            var q2 = LocalDate.of(2026, 6, 30);
            var q1 = LocalDate.of(2026, 3, 31);
            var after = given(formed(), goal("g1", true), measure("m1", "g1", "respect"), measured("m1", q2, "29"))
                    .when(measured("m1", q1, "31")).thenAccepted();
            assertThat(after.measure("m1").orElseThrow()).satisfies(m -> {
                assertThat(m.recordedPeriods()).containsExactly(q1, q2);
                assertThat(m.latestPeriodEnd()).isEqualTo(q2);
                assertThat(m.latestValue()).isEqualByComparingTo("29");
            });
            given(formed(), goal("g1", true), measure("m1", "g1", "respect"), measured("m1", q2, "29"))
                    .when(measured("m1", q2, "28")).thenBreaks(Rule.MEASURE_PERIOD_RECORDED, "m1");
            given(formed()).when(measured("m1", q2, "1")).thenBreaks(Rule.UNKNOWN_MEASURE, "m1");
        }

        @Test
        void a_retired_measure_takes_no_values_and_retires_once() {
            var retired = new MeasureRetired("m1", "replaced");
            var after = given(formed(), goal("g1", true), measure("m1", "g1", "respect")).when(retired).thenAccepted();
            assertThat(after.measure("m1").orElseThrow().active()).isFalse();
            given(formed(), goal("g1", true), measure("m1", "g1", "respect"), retired)
                    .when(measured("m1", LocalDate.of(2026, 6, 30), "1")).thenBreaks(Rule.MEASURE_NOT_ACTIVE, "m1");
            given(formed(), goal("g1", true), measure("m1", "g1", "respect"), retired).when(retired)
                    .thenBreaks(Rule.MEASURE_NOT_ACTIVE, "m1");
            given(formed()).when(retired).thenBreaks(Rule.UNKNOWN_MEASURE, "m1");
        }

        @Test
        void a_milestone_is_set_once_optionally_for_an_agreed_goal() {
            assertThat(given(formed()).when(milestone("ms", null)).thenAccepted().milestones()).hasSize(1);
            given(formed(), milestone("ms", null)).when(milestone("ms", null)).thenBreaks(Rule.MILESTONE_EXISTS, "ms");
            given(formed()).when(milestone("ms", "g9")).thenBreaks(Rule.UNKNOWN_GOAL, "g9");
        }

        @Test
        void a_milestone_is_reached_once_it_was_set_and_only_once() {
            var after = given(formed(), milestone("ms", null)).when(new MilestoneReached("ms")).thenAccepted();
            assertThat(after.milestone("ms").orElseThrow().status()).isEqualTo(MilestoneStatus.REACHED);
            given(formed()).when(new MilestoneReached("ms")).thenBreaks(Rule.UNKNOWN_MILESTONE, "ms");
            given(formed(), milestone("ms", null), new MilestoneReached("ms")).when(new MilestoneReached("ms"))
                    .thenBreaks(Rule.MILESTONE_NOT_OPEN, "ms");
        }

        @Test
        void an_open_milestone_is_rescheduled_or_dropped() {
            var moved = given(formed(), milestone("ms", null))
                    .when(new MilestoneRescheduled("ms", LocalDate.of(2026, 12, 1), null)).thenAccepted();
            assertThat(moved.milestone("ms").orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 12, 1));
            var dropped = given(formed(), milestone("ms", null))
                    .when(new MilestoneRescheduled("ms", null, true)).thenAccepted();
            assertThat(dropped.milestone("ms").orElseThrow().status()).isEqualTo(MilestoneStatus.DROPPED);
            given(formed(), milestone("ms", null), new MilestoneRescheduled("ms", null, true))
                    .when(new MilestoneReached("ms")).thenBreaks(Rule.MILESTONE_NOT_OPEN, "ms");
            given(formed()).when(new MilestoneRescheduled("ms", null, true)).thenBreaks(Rule.UNKNOWN_MILESTONE, "ms");
        }

        @Test
        void a_pilot_starts_once_and_scales_from_three_locations_to_more() {
            var scale = new PilotScaled("essex", new Location("Kent", "E10000016"), PilotScaled.Kind.REPLICATION);
            var after = given(formed(), pilot("essex")).when(scale).thenAccepted();
            assertThat(after.pilot("essex").orElseThrow().scaledTo()).hasSize(1);
            given(formed(), pilot("essex")).when(pilot("essex")).thenBreaks(Rule.PILOT_EXISTS, "essex");
            given(formed()).when(scale).thenBreaks(Rule.UNKNOWN_PILOT, "essex");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void a_paused_partnership_accepts_events_and_resumes() {
            var paused = given(formed()).when(paused()).thenAccepted();
            assertThat(paused.status()).isEqualTo(Status.PAUSED);
            given(formed(), paused()).when(met("respect", "safelives")).thenAccepted();
            var resumed = given(formed(), paused()).when(new PartnershipResumed()).thenAccepted();
            assertThat(resumed.status()).isEqualTo(Status.ACTIVE);
            assertThat(resumed.pause()).isNull();
        }

        @Test
        void pausing_twice_or_resuming_unpaused_breaks_a_rule() {
            given(formed(), paused()).when(paused()).thenBreaks(Rule.ALREADY_PAUSED, PARTNERSHIP.toString());
            given(formed()).when(new PartnershipResumed()).thenBreaks(Rule.NOT_PAUSED, PARTNERSHIP.toString());
        }

        @Test
        void a_closed_partnership_accepts_only_voids() {
            var closedState = given(formed()).when(closed()).thenAccepted();
            assertThat(closedState.status()).isEqualTo(Status.CLOSED);
            given(formed(), closed()).when(met("respect", "safelives"))
                    .thenBreaks(Rule.PARTNERSHIP_CLOSED, PARTNERSHIP.toString());
            given(formed(), closed()).when(closed()).thenBreaks(Rule.PARTNERSHIP_CLOSED, PARTNERSHIP.toString());
        }

        @Test
        void nothing_happens_before_formation() {
            given(formed()).whenOn(FORMED_ON.minusDays(1), met("respect", "safelives"))
                    .thenBreaks(Rule.OCCURRED_BEFORE_FORMATION);
        }
    }

    @Nested
    class Voids {

        @Test
        void voiding_an_event_equals_never_recording_it() {
            var story = given(formed(), goal("g1", true), risk("r1"), pilot("p1"));
            var after = story.when(voiding(story.idOf(2))).thenAccepted();
            var never = given(formed(), goal("g1", true), pilot("p1")).state();
            assertThat(after.risks()).isEmpty();
            assertThat(after.goals()).isEqualTo(never.goals());
            assertThat(after.pilots()).isEqualTo(never.pilots());
            assertThat(after.version()).isEqualTo(5);
        }

        @Test
        void a_folded_stream_leaves_voided_events_out() {
            var story = given(formed(), risk("r1"));
            story.on(FORMED_ON.plusDays(5), voiding(story.idOf(1)));
            var state = story.state();
            assertThat(state.risks()).isEmpty();
            assertThat(state.version()).isEqualTo(3);
        }

        @Test
        void a_void_names_an_event_of_this_stream() {
            var elsewhere = java.util.UUID.randomUUID();
            given(formed()).when(voiding(elsewhere)).thenBreaks(Rule.UNKNOWN_EVENT, elsewhere.toString());
        }

        @Test
        void the_formation_cannot_be_voided() {
            var story = given(formed());
            story.when(voiding(story.idOf(0)))
                    .thenBreaks(Rule.FORMATION_CANNOT_BE_VOIDED, story.idOf(0).toString());
        }

        @Test
        void an_event_is_voided_once_and_a_void_is_never_voided() {
            var story = given(formed(), risk("r1"));
            story.on(FORMED_ON.plusDays(5), voiding(story.idOf(1)));
            story.when(voiding(story.idOf(1))).thenBreaks(Rule.EVENT_ALREADY_VOIDED, story.idOf(1).toString());
            story.when(voiding(story.idOf(2))).thenBreaks(Rule.VOID_CANNOT_BE_VOIDED, story.idOf(2).toString());
        }

        @Test
        void a_void_that_later_events_depend_on_is_refused() {
            var story = given(formed(), funding("grant"), fundingEnded("grant"));
            story.when(voiding(story.idOf(1))).thenBreaks(Rule.VOID_BREAKS_HISTORY, story.idOf(2).toString());
        }

        @Test
        void voiding_the_closure_reopens_the_partnership() {
            var story = given(formed(), closed());
            var after = story.when(voiding(story.idOf(1))).thenAccepted();
            assertThat(after.status()).isEqualTo(Status.ACTIVE);
        }
    }
}
