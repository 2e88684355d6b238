package org.rapport.domain.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rapport.domain.health.Timeline.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rapport.domain.*;
import org.rapport.domain.health.Health.Severity;
import org.rapport.domain.health.Health.Status;
import org.rapport.domain.health.Adjustment;
import org.rapport.domain.health.Term;

/** One test per rule of the health model, each on the smallest history that shows it. */
class HealthRulesTest {

    static final LocalDate FORMED = LocalDate.of(2025, 1, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static Timeline pair() {
        return new Timeline().on(FORMED, formed(PartnershipType.COLLABORATIVE, org("a", Sector.PUBLIC),
                org("b", Sector.VOLUNTARY)));
    }

    static Context ctx(Timeline t) {
        var facts = HealthFacts.of(t.events);
        return new Context(facts, TODAY, facts.clock(), HealthParams.CURRENT, null, null);
    }

    static Term term(List<Term> terms, String rule) {
        return terms.stream().filter(t -> t.rule().equals(rule)).findFirst().orElseThrow();
    }

    static double points(List<Adjustment> adjustments, String rule) {
        return adjustments.stream().filter(a -> a.rule().equals(rule)).mapToDouble(Adjustment::points).sum();
    }

    @Nested
    class Trust {

        @Test
        void a_meeting_of_every_partners_chief_executive_today_is_worth_six() {
            var t = pair().on(TODAY, seniorSteering("a", "b"));
            assertThat(TrustRules.meetingCredit(ctx(t), ctx(t).facts.meetings.get(0))).isCloseTo(6.0, within(1e-9));
        }

        @Test
        void seniority_format_share_and_age_scale_a_meetings_credit() {
            var someSenior = new MeetingHeld(MeetingHeld.MeetingFormat.VIRTUAL, MeetingHeld.MeetingKind.WORKSHOP, List.of(
                    new MeetingHeld.Attendee("x", "a", Seniority.DIRECTOR), new MeetingHeld.Attendee("y", "b", Seniority.STAFF)));
            var t = pair().on(TODAY.minusDays(90), someSenior);
            var c = ctx(t);
            // 4 * 1.2 (some senior) * 0.8 (virtual) * 1 (both present) * 1/2 (one half-life ago)
            assertThat(TrustRules.meetingCredit(c, c.facts.meetings.get(0))).isCloseTo(1.92, within(1e-9));
        }

        @Test
        void within_a_layer_only_one_meeting_counts_in_any_fourteen_days_but_both_layers_count() {
            var t = pair().on(TODAY.minusDays(10), operational("a", "b")).on(TODAY.minusDays(5), seniorSteering("a", "b"))
                    .on(TODAY, operational("a", "b"));
            // The steering meeting is the leadership layer's; of the two operational meetings ten
            // days apart only the fresher, worth more, counts.
            assertThat(TrustRules.countedMeetings(ctx(t))).extracting(m -> m.on())
                    .containsExactly(TODAY.minusDays(5), TODAY);
        }

        @Test
        void the_reason_says_how_many_meetings_were_not_counted_and_why() {
            var t = pair().on(TODAY.minusDays(10), operational("a", "b")).on(TODAY.minusDays(5), seniorSteering("a", "b"))
                    .on(TODAY, operational("a", "b"));
            assertThat(term(TrustRules.terms(ctx(t)), "relationship").text())
                    .contains("2 meetings count").contains("1 meeting was not counted")
                    .contains("within 14 days of a fuller meeting at the same level");
        }

        @Test
        void the_window_looks_both_ways_from_a_counted_meeting_and_fourteen_days_apart_both_count() {
            var seniorWorking = meeting(MeetingHeld.MeetingKind.OPERATIONAL, Seniority.EXECUTIVE, "a", "b");
            var t = pair().on(TODAY.minusDays(30), operational("a", "b")).on(TODAY.minusDays(20), seniorWorking)
                    .on(TODAY.minusDays(7), operational("a", "b")).on(TODAY.minusDays(6), operational("a", "b"));
            // The senior meeting 20 days ago counts first; 30 days ago is 10 days before it, 7 days
            // ago 13 days after it: neither counts. 6 days ago is 14 days after it and counts.
            assertThat(TrustRules.countedMeetings(ctx(t))).extracting(m -> m.on())
                    .containsExactly(TODAY.minusDays(20), TODAY.minusDays(6));
        }

        @Test
        void monthly_senior_meetings_build_to_about_80_in_a_year_and_fade_after_six_silent_months() {
            var year = pair().meetings(TODAY.minusDays(330), TODAY, 30, seniorSteering("a", "b"));
            assertThat(term(TrustRules.terms(ctx(year)), "relationship").value()).isBetween(0.75, 0.82);
            var quarter = pair().meetings(TODAY.minusDays(60), TODAY, 30, seniorSteering("a", "b"));
            assertThat(term(TrustRules.terms(ctx(quarter)), "relationship").value()).isBetween(0.45, 0.58);
            var silent = pair().meetings(TODAY.minusDays(180 + 700), TODAY.minusDays(180), 30, seniorSteering("a", "b"));
            assertThat(term(TrustRules.terms(ctx(silent)), "relationship").value()).isBetween(0.28, 0.38);
        }

        @Test
        void trust_is_not_assessed_before_any_meeting_or_survey() {
            assertThat(term(TrustRules.terms(ctx(pair())), "relationship").applies()).isFalse();
        }

        @Test
        void a_vacant_chief_executive_post_costs_15_points_undiminished() {
            var t = pair().on(TODAY.minusDays(200), new LeadershipChanged("a", LeadershipChanged.Role.CHIEF_EXECUTIVE,
                    null, TODAY.minusDays(200), false));
            assertThat(points(TrustRules.adjustments(ctx(t)), "leadership-change")).isEqualTo(-15.0);
        }

        @Test
        void filling_the_post_starts_the_fading_of_that_same_cost() {
            var t = pair().on(TODAY.minusDays(200), new LeadershipChanged("a", LeadershipChanged.Role.CHIEF_EXECUTIVE,
                    null, TODAY.minusDays(200), false))
                    .on(TODAY.minusDays(90), new LeadershipChanged("a", LeadershipChanged.Role.CHIEF_EXECUTIVE, "new",
                            TODAY.minusDays(90), true));
            assertThat(points(TrustRules.adjustments(ctx(t)), "leadership-change")).isCloseTo(-7.5, within(1e-9));
        }

        @Test
        void the_cost_halves_once_the_new_post_holder_meets_the_partnership() {
            var change = new LeadershipChanged("a", LeadershipChanged.Role.PARTNERSHIP_LEAD, "new-lead", TODAY, true);
            var notMet = pair().on(TODAY, change);
            assertThat(points(TrustRules.adjustments(ctx(notMet)), "leadership-change")).isEqualTo(-10.0);
            var met = pair().on(TODAY, change).on(TODAY, new MeetingHeld(MeetingHeld.MeetingFormat.IN_PERSON,
                    MeetingHeld.MeetingKind.BOARD, List.of(new MeetingHeld.Attendee("new-lead", "a", Seniority.DIRECTOR),
                            new MeetingHeld.Attendee("x", "b", Seniority.DIRECTOR))));
            assertThat(points(TrustRules.adjustments(ctx(met)), "leadership-change")).isEqualTo(-5.0);
        }

        @Test
        void a_goal_endorsed_by_every_partner_adds_five_fading() {
            var t = pair().on(TODAY, goal("g", "a", "b"));
            assertThat(points(TrustRules.adjustments(ctx(t)), "goal-endorsed-by-all")).isEqualTo(5.0);
            var partly = pair().on(TODAY, goal("g", "a"));
            assertThat(points(TrustRules.adjustments(ctx(partly)), "goal-endorsed-by-all")).isZero();
        }

        @Test
        void an_open_relationship_risk_and_a_partner_leaving_in_conflict_cost_ten_each() {
            var t = new Timeline().on(FORMED, formed(PartnershipType.COLLABORATIVE, org("a", Sector.PUBLIC),
                    org("b", Sector.VOLUNTARY), org("c", Sector.PRIVATE)))
                    .on(TODAY, new RiskRaised("r", RiskRaised.Category.RELATIONSHIP, 2, 2))
                    .on(TODAY, new PartnerLeft("c", PartnerLeft.Reason.CONFLICT));
            var adjustments = TrustRules.adjustments(ctx(t));
            assertThat(points(adjustments, "relationship-risk-open")).isEqualTo(-10.0);
            assertThat(points(adjustments, "partner-left-in-conflict")).isEqualTo(-10.0);
        }

        @Test
        void core_funding_ending_with_no_plan_costs_five() {
            var t = pair().on(FORMED, funding("f", "funder", 1000, FORMED, null, true))
                    .on(TODAY, new FundingEnded("f", true));
            assertThat(points(TrustRules.adjustments(ctx(t)), "core-funding-ended-without-plan")).isEqualTo(-5.0);
        }

        @Test
        void a_pair_rated_below_3_caps_trust_at_74_and_below_2_at_49() {
            var low = pair().meetings(TODAY.minusDays(360), TODAY, 30, seniorSteering("a", "b"))
                    .on(TODAY, new TrustSurveyRecorded("s", "a", "b", 5, 5, 5, 5))
                    .on(TODAY, new TrustSurveyRecorded("s", "b", "a", 3, 2, 3, 3));
            var trust = low.healthOn(TODAY).dimensions().get(HealthDimension.TRUST);
            assertThat(trust.score()).isEqualTo(74);
            assertThat(trust.reasons()).anySatisfy(r -> {
                assertThat(r.kind()).isEqualTo(Health.ReasonKind.CAP);
                assertThat(r.text()).isEqualTo("capped at 74: b rated a 2.75 of 5 on average in the trust survey of " + TODAY);
            });
            var critical = pair().meetings(TODAY.minusDays(360), TODAY, 30, seniorSteering("a", "b"))
                    .on(TODAY, new TrustSurveyRecorded("s", "a", "b", 1, 2, 1, 2))
                    .on(TODAY, new TrustSurveyRecorded("s", "b", "a", 5, 5, 5, 5));
            assertThat(critical.healthOn(TODAY).score(HealthDimension.TRUST)).isEqualTo(49);
        }

        @Test
        void a_recent_survey_weighs_half_of_trust() {
            var t = pair().on(TODAY, new TrustSurveyRecorded("s", "a", "b", 5, 5, 5, 5));
            var health = t.healthOn(TODAY);
            // no meeting: relationship 0, survey 100, half each
            assertThat(health.score(HealthDimension.TRUST)).isEqualTo(50);
        }
    }

    @Nested
    class Alignment {

        @Test
        void coverage_is_the_share_of_partners_endorsing_the_primary_goal() {
            var t = pair().on(TODAY, goal("g", "a"));
            assertThat(term(AlignmentRules.terms(ctx(t)), "coverage").value()).isEqualTo(0.5);
        }

        @Test
        void freshness_falls_from_one_at_12_months_to_zero_at_24() {
            var t = pair().on(TODAY.minusMonths(18), goal("g", "a", "b"));
            // Months are active months of 365.2425 / 12 days: 547 days is 17.97 of them.
            assertThat(term(AlignmentRules.terms(ctx(t)), "freshness").value()).isCloseTo(0.5, within(0.01));
            var old = pair().on(TODAY.minusMonths(25), goal("g", "a", "b"));
            assertThat(term(AlignmentRules.terms(ctx(old)), "freshness").value()).isZero();
        }

        @Test
        void a_goal_is_expected_from_day_90_and_scores_zero_when_missing_after() {
            var young = new Timeline().on(TODAY.minusDays(30), formed(PartnershipType.COLLABORATIVE,
                    org("a", Sector.PUBLIC), org("b", Sector.VOLUNTARY)));
            assertThat(term(AlignmentRules.terms(ctx(young)), "coverage").applies()).isFalse();
            // Long past day 90 plus its 90 days of grace: the benefit of the doubt has run out.
            var missing = term(AlignmentRules.terms(ctx(pair())), "single-goal");
            assertThat(missing.isMissing()).isTrue();
            assertThat(missing.grace()).isZero();
        }

        @Test
        void type_understanding_applies_once_a_partner_confirmed_and_a_mismatch_caps_at_49() {
            assertThat(term(AlignmentRules.terms(ctx(pair())), "type-understood").applies()).isFalse();
            var t = pair().on(TODAY, new PartnershipTypeConfirmed("a", PartnershipType.COLLABORATIVE))
                    .on(TODAY, new PartnershipTypeConfirmed("b", PartnershipType.COORDINATED));
            assertThat(term(AlignmentRules.terms(ctx(t)), "type-understood").value()).isEqualTo(0.5);
            assertThat(AlignmentRules.adjustments(ctx(t))).singleElement()
                    .satisfies(a -> assertThat(a.cap()).isEqualTo(49));
        }

        @Test
        void secondments_drop_coverage_and_type_understanding() {
            var t = new Timeline().on(FORMED, formed(PartnershipType.SECONDMENT, org("a", Sector.PUBLIC),
                    org("b", Sector.VOLUNTARY))).on(TODAY, new PartnershipTypeConfirmed("a", PartnershipType.COOPERATIVE));
            var terms = AlignmentRules.terms(ctx(t));
            assertThat(terms).noneMatch(x -> x.rule().equals("coverage"));
            assertThat(term(terms, "type-understood").applies()).isFalse();
            assertThat(AlignmentRules.adjustments(ctx(t))).isEmpty();
        }

        @Test
        void capability_counts_with_chief_executives_within_24_months_and_is_expected_from_day_365() {
            var t = pair().on(TODAY.minusMonths(3), new CapabilityAssessmentHeld(List.of("a", "b"), true));
            assertThat(term(AlignmentRules.terms(ctx(t)), "capability").value()).isEqualTo(1.0);
            assertThat(term(AlignmentRules.terms(ctx(pair())), "capability").grace()).isZero();
        }
    }

    @Nested
    class Governance {

        static AgreementSigned tor(LocalDate reviewBy, String... signatories) {
            return new AgreementSigned("tor", AgreementSigned.Kind.TERMS_OF_REFERENCE, List.of(signatories),
                    reviewBy.minusMonths(12), reviewBy, List.of(AgreementSigned.Covers.ROLES, AgreementSigned.Covers.EXIT));
        }

        @Test
        void the_agreement_term_is_the_share_of_partners_signed_halved_past_review() {
            var t = pair().on(FORMED, tor(TODAY.plusMonths(6), "a"));
            assertThat(term(GovernanceRules.terms(ctx(t)), "agreement").value()).isEqualTo(0.5);
            var overdue = pair().on(FORMED, tor(TODAY.minusDays(1), "a", "b"));
            assertThat(term(GovernanceRules.terms(ctx(overdue)), "agreement").value()).isEqualTo(0.5);
        }

        @Test
        void coverage_counts_the_matters_an_agreement_covers() {
            var t = pair().on(FORMED, tor(TODAY.plusMonths(6), "a", "b"));
            assertThat(term(GovernanceRules.terms(ctx(t)), "coverage").value()).isEqualTo(0.25);
        }

        @Test
        void an_independent_chair_counts_fully_a_partner_chair_three_quarters() {
            var independent = pair().on(TODAY, new ChairAppointed(ChairAppointed.Role.INDEPENDENT_CHAIR, "c", null));
            assertThat(term(GovernanceRules.terms(ctx(independent)), "chair").value()).isEqualTo(1.0);
            var partner = pair().on(TODAY, new ChairAppointed(ChairAppointed.Role.PARTNER_CHAIR, "c", "a"));
            assertThat(term(GovernanceRules.terms(ctx(partner)), "chair").value()).isEqualTo(0.75);
            assertThat(term(GovernanceRules.terms(ctx(pair())), "chair").grace()).isZero();
        }

        @Test
        void the_forum_is_an_all_partner_board_or_steering_meeting_within_90_days() {
            var t = pair().on(TODAY.minusDays(80), seniorSteering("a", "b"));
            assertThat(term(GovernanceRules.terms(ctx(t)), "forum").value()).isEqualTo(1.0);
            var partial = pair().on(TODAY.minusDays(80), operational("a", "b"));
            assertThat(term(GovernanceRules.terms(ctx(partial)), "forum").value()).isZero();
        }

        @Test
        void each_high_risk_open_over_60_days_costs_a_quarter_of_the_risk_term() {
            var t = pair().on(TODAY.minusDays(61), new RiskRaised("r1", RiskRaised.Category.DELIVERY, 3, 3))
                    .on(TODAY.minusDays(61), new RiskRaised("r2", RiskRaised.Category.DATA, 4, 3))
                    .on(TODAY.minusDays(61), new RiskRaised("r3", RiskRaised.Category.DATA, 2, 2));
            assertThat(term(GovernanceRules.terms(ctx(t)), "risk").value()).isEqualTo(0.5);
            assertThat(term(GovernanceRules.terms(ctx(pair())), "risk").applies()).isFalse();
        }

        @Test
        void cooperative_partnerships_are_not_judged_on_agreements() {
            var t = new Timeline().on(FORMED, formed(PartnershipType.COOPERATIVE, org("a", Sector.PUBLIC),
                    org("b", Sector.VOLUNTARY)));
            assertThat(term(GovernanceRules.terms(ctx(t)), "agreement").applies()).isFalse();
            assertThat(Alerts.of(ctx(t))).noneMatch(a -> a.code().equals("NO_AGREEMENT"));
        }
    }

    @Nested
    class Sustainability {

        @Test
        void nothing_is_judged_before_funding_or_resources_are_recorded() {
            assertThat(SustainabilityRules.terms(ctx(pair()))).noneMatch(Term::applies);
        }

        @Test
        void runway_is_months_of_core_funding_over_18_and_full_when_open_ended() {
            var t = pair().on(FORMED, funding("core", "f", 1000, FORMED, TODAY.plusDays(274), true));
            assertThat(term(SustainabilityRules.terms(ctx(t)), "runway").value()).isCloseTo(0.5, within(0.01));
            var open = pair().on(FORMED, funding("core", "f", 1000, FORMED, null, true));
            assertThat(term(SustainabilityRules.terms(ctx(open)), "runway").value()).isEqualTo(1.0);
        }

        @Test
        void plans_cover_the_funding_ending_within_12_months_weighted_by_amount_a_draft_half() {
            var t = pair().on(FORMED, funding("big", "f1", 3000, FORMED, TODAY.plusMonths(6), false))
                    .on(FORMED, funding("small", "f2", 1000, FORMED, TODAY.plusMonths(6), false))
                    .on(TODAY, new ContinuationPlanRecorded("p", List.of("big"), ContinuationPlanRecorded.Route.SCALE_DOWN,
                            ContinuationPlanRecorded.Status.DRAFT, BigDecimal.ZERO));
            assertThat(term(SustainabilityRules.terms(ctx(t)), "plan").value()).isCloseTo(0.375, within(1e-9));
        }

        @Test
        void capacity_needs_two_partners_with_committed_staff_and_diversity_two_funders() {
            var t = pair().on(FORMED, funding("a1", "f1", 1000, FORMED, null, true))
                    .on(FORMED, funding("a2", "f2", 1000, FORMED, null, false))
                    .on(FORMED, staff("a", FORMED)).on(FORMED, staff("b", FORMED));
            var terms = SustainabilityRules.terms(ctx(t));
            assertThat(term(terms, "capacity").value()).isEqualTo(1.0);
            assertThat(term(terms, "diversity").value()).isEqualTo(1.0);
        }

        @Test
        void core_funding_ending_within_90_days_without_an_agreed_plan_caps_at_49_and_within_180_at_74() {
            var soon = pair().on(FORMED, funding("core", "f", 1000, FORMED, TODAY.plusDays(60), true));
            assertThat(SustainabilityRules.adjustments(ctx(soon))).singleElement()
                    .satisfies(a -> assertThat(a.cap()).isEqualTo(49));
            var later = pair().on(FORMED, funding("core", "f", 1000, FORMED, TODAY.plusDays(150), true));
            assertThat(SustainabilityRules.adjustments(ctx(later))).singleElement()
                    .satisfies(a -> assertThat(a.cap()).isEqualTo(74));
            var planned = pair().on(FORMED, funding("core", "f", 1000, FORMED, TODAY.plusDays(60), true))
                    .on(TODAY, agreedPlan("p", "core"));
            assertThat(SustainabilityRules.adjustments(ctx(planned))).isEmpty();
        }

        @Test
        void a_small_grant_ending_is_no_cliff() {
            var t = pair().on(FORMED, funding("core", "f", 100_000, FORMED, null, true))
                    .on(FORMED, funding("tiny", "g", 5_000, FORMED, TODAY.plusDays(30), false));
            assertThat(SustainabilityRules.adjustments(ctx(t))).isEmpty();
        }
    }

    @Nested
    class Engagement {

        @Test
        void senior_breadth_layers_cross_sector_and_commitment() {
            var t = pair().on(TODAY.minusDays(70), seniorSteering("a", "b")).on(TODAY.minusDays(10), operational("a"))
                    .on(FORMED, staff("a", FORMED));
            var terms = EngagementRules.terms(ctx(t));
            assertThat(term(terms, "senior").value()).isEqualTo(1.0);
            assertThat(term(terms, "breadth").value()).isEqualTo(0.5);
            assertThat(term(terms, "layers").value()).isEqualTo(1.0);
            assertThat(term(terms, "cross-sector").value()).isEqualTo(1.0);
            assertThat(term(terms, "commitment").value()).isEqualTo(0.5);
        }

        @Test
        void a_senior_post_vacant_over_30_days_costs_ten() {
            var t = pair().on(TODAY.minusDays(40), seniorSteering("a", "b"))
                    .on(TODAY.minusDays(31), new LeadershipChanged("b", LeadershipChanged.Role.BOARD_CHAIR, null,
                            TODAY.minusDays(31), false));
            assertThat(points(EngagementRules.adjustments(ctx(t)), "vacancy")).isEqualTo(-10.0);
        }

        @Test
        void engagement_waits_for_a_first_meeting() {
            assertThat(EngagementRules.terms(ctx(pair()))).noneMatch(Term::applies);
        }
    }

    @Nested
    class Momentum {

        static MeasureDefined measure(String id, MeasureDefined.Direction direction, MeasureDefined.Cadence cadence) {
            return new MeasureDefined(id, "g", "a", id, BigDecimal.TEN, direction, null, cadence);
        }

        @Test
        void measures_are_defined_current_and_beating_their_baseline() {
            var t = pair().on(FORMED, goal("g", "a", "b"))
                    .on(FORMED, measure("up", MeasureDefined.Direction.INCREASE, MeasureDefined.Cadence.MONTHLY))
                    .on(FORMED, measure("down", MeasureDefined.Direction.DECREASE, MeasureDefined.Cadence.QUARTERLY))
                    .on(TODAY.minusDays(20), new MeasureRecorded("up", TODAY.minusDays(25), BigDecimal.valueOf(12)))
                    .on(TODAY.minusDays(200), new MeasureRecorded("down", TODAY.minusDays(205), BigDecimal.valueOf(11)));
            var terms = MomentumRules.terms(ctx(t));
            assertThat(term(terms, "measures-defined").value()).isEqualTo(1.0);
            assertThat(term(terms, "measures-current").value()).isEqualTo(0.5);
            assertThat(term(terms, "measures-direction").value()).isEqualTo(0.5);
        }

        @Test
        void a_recent_milestone_counts_and_each_overdue_one_costs_a_quarter() {
            var t = pair().on(FORMED, new MilestoneSet("m1", "one", TODAY.minusDays(30), null))
                    .on(TODAY.minusDays(20), new MilestoneReached("m1"))
                    .on(FORMED, new MilestoneSet("m2", "two", TODAY.minusDays(1), null));
            assertThat(term(MomentumRules.terms(ctx(t)), "milestones").value()).isEqualTo(0.75);
        }

        @Test
        void a_pilot_scaled_within_a_year_counts_fully_one_started_within_two_years_six_tenths() {
            var started = pair().on(TODAY.minusMonths(6), new PilotStarted("p", new Location("x", "x"), TODAY));
            assertThat(term(MomentumRules.terms(ctx(started)), "scale").value()).isEqualTo(0.6);
            var scaled = pair().on(TODAY.minusMonths(30), new PilotStarted("p", new Location("x", "x"), TODAY))
                    .on(TODAY.minusMonths(2), new PilotScaled("p", new Location("y", "y"), PilotScaled.Kind.REPLICATION));
            assertThat(term(MomentumRules.terms(ctx(scaled)), "scale").value()).isEqualTo(1.0);
        }
    }

    @Nested
    class CalibrationAndStatus {

        @Test
        void a_recent_health_check_blends_in_three_tenths() {
            var t = pair().on(TODAY, seniorSteering("a", "b"));
            var without = t.healthOn(TODAY).score(HealthDimension.TRUST);
            t.on(TODAY, new HealthCheckCompleted(HealthCheckCompleted.Instrument.NUFFIELD, 6, BigDecimal.ONE,
                    BigDecimal.valueOf(5), List.of(new HealthCheckCompleted.FactorScore("P4", BigDecimal.valueOf(5), 6, null))));
            var with = t.healthOn(TODAY).score(HealthDimension.TRUST);
            assertThat(with).isEqualTo((int) Math.round(0.7 * without + 30));
        }

        @Test
        void a_young_partnership_or_one_without_meetings_has_not_enough_data() {
            var young = new Timeline().on(TODAY.minusDays(20), formed(PartnershipType.COLLABORATIVE,
                    org("a", Sector.PUBLIC), org("b", Sector.VOLUNTARY))).on(TODAY, seniorSteering("a", "b"));
            assertThat(young.healthOn(TODAY).status()).isEqualTo(Status.NOT_ENOUGH_DATA);
            assertThat(pair().healthOn(TODAY).status()).isEqualTo(Status.NOT_ENOUGH_DATA);
        }

        @Test
        void paused_health_is_frozen_at_the_pause_and_closed_overrides_all() {
            var t = pair().meetings(FORMED.plusDays(10), LocalDate.of(2026, 1, 1), 30, seniorSteering("a", "b"))
                    .on(LocalDate.of(2026, 1, 2), new PartnershipPaused("funding gap", LocalDate.of(2026, 12, 1)));
            var atPause = t.healthOn(LocalDate.of(2026, 1, 2));
            var later = t.healthOn(TODAY);
            assertThat(later.status()).isEqualTo(Status.PAUSED);
            assertThat(later.score(HealthDimension.TRUST)).isEqualTo(atPause.score(HealthDimension.TRUST));
            t.on(TODAY, new PartnershipClosed(PartnershipClosed.Reason.DISSOLVED));
            assertThat(t.healthOn(TODAY).status()).isEqualTo(Status.CLOSED);
        }

        @Test
        void the_overall_score_renormalises_over_the_dimensions_scored() {
            var t = pair().on(TODAY, seniorSteering("a", "b"));
            var h = t.healthOn(TODAY);
            double sum = 0;
            double weights = 0;
            for (var d : HealthDimension.values()) {
                if (h.score(d) != null) {
                    sum += HealthParams.CURRENT.overallWeights().get(d) * h.score(d);
                    weights += HealthParams.CURRENT.overallWeights().get(d);
                }
            }
            assertThat(h.overall()).isEqualTo((int) Math.round(sum / weights));
        }

        @Test
        void every_alert_carries_its_severity_and_a_prompt() {
            var t = pair().on(TODAY.minusDays(100), new RiskRaised("r", RiskRaised.Category.FUNDING, 3, 4))
                    .on(FORMED, new AgreementSigned("a", AgreementSigned.Kind.MOU, List.of("a", "b"), FORMED,
                            FORMED.plusMonths(12), List.of()))
                    .on(FORMED, new MeasureDefined("m", "g0", "a", "m", BigDecimal.ONE, MeasureDefined.Direction.INCREASE,
                            null, MeasureDefined.Cadence.MONTHLY));
            var alerts = Alerts.of(ctx(t));
            assertThat(alerts).extracting(Health.Alert::code).contains("HIGH_RISK_OPEN", "NO_MEETING", "NO_SHARED_GOAL",
                    "AGREEMENT_REVIEW_OVERDUE", "MEASURE_OVERDUE");
            assertThat(alerts).allSatisfy(a -> assertThat(a.prompt()).endsWith("?"));
            assertThat(alerts).filteredOn(a -> a.code().equals("MEASURE_OVERDUE"))
                    .allSatisfy(a -> assertThat(a.severity()).isEqualTo(Severity.LOW));
        }
    }

    @Nested
    class Version2 {

        @Test
        void a_partnership_that_recorded_nothing_but_its_formation_a_year_ago_has_alerts_but_no_score() {
            var health = pair().healthOn(FORMED.plusDays(365));
            assertThat(health.overall()).isNull();
            assertThat(health.dimensions().values()).allSatisfy(d -> assertThat(d.score()).isNull());
            assertThat(health.alerts()).extracting(Health.Alert::code)
                    .contains("NO_MEETING", "NO_SHARED_GOAL", "NO_AGREEMENT", "NO_MEASURES");
            assertThat(health.dimensions().get(HealthDimension.GOVERNANCE).notAssessed())
                    .anySatisfy(n -> assertThat(n.why()).contains("nothing has been recorded yet to score it against"));
        }

        @Test
        void runway_counts_project_grants_too_not_only_core_funding() {
            var t = pair().on(FORMED, funding("project", "f", 1000, FORMED, TODAY.plusMonths(10), false));
            assertThat(term(SustainabilityRules.terms(ctx(t)), "runway").value()).isCloseTo(10 / 18.0,
                    within(0.01));
        }

        @Test
        void sustainability_never_rises_on_the_day_its_only_funding_ends_with_no_plan() {
            var t = pair().meetings(FORMED, TODAY, 30, seniorSteering("a", "b"))
                    .on(FORMED, funding("only", "f", 1000, FORMED, TODAY, true));
            var before = t.healthOn(TODAY.minusDays(1)).score(HealthDimension.SUSTAINABILITY);
            t.on(TODAY, new FundingEnded("only", false));
            var after = t.healthOn(TODAY);
            assertThat(after.score(HealthDimension.SUSTAINABILITY)).isLessThanOrEqualTo(before);
            assertThat(term(SustainabilityRules.terms(ctx(t)), "plan").value()).isZero();
        }

        @Test
        void a_reason_earns_points_of_those_its_renormalised_weight_makes_possible() {
            var t = pair().meetings(FORMED, TODAY, 30, seniorSteering("a", "b"))
                    .on(FORMED, new ChairAppointed(ChairAppointed.Role.INDEPENDENT_CHAIR, "c", null));
            var chair = t.healthOn(TODAY).dimensions().get(HealthDimension.GOVERNANCE).reasons().stream()
                    .filter(r -> r.rule().equals("chair")).findFirst().orElseThrow();
            // Chair 10 and forum 25 apply (no agreement yet expected past its grace, no risk register):
            // chair 10 of 10 + 35 (agreement) + 25 = 70, so 14.3 of 14.3 possible.
            assertThat(chair.kind()).isEqualTo(Health.ReasonKind.TERM);
            assertThat(chair.earned()).isEqualTo(chair.possible());
            assertThat(chair.possible()).isEqualTo(14.3);
            assertThat(chair.text()).isEqualTo("an independent chair is in place");
        }

        @Test
        void an_agreement_signed_by_all_but_past_review_says_so() {
            var tor = new AgreementSigned("tor", AgreementSigned.Kind.TERMS_OF_REFERENCE, List.of("a", "b"),
                    TODAY.minusMonths(13), TODAY.minusMonths(1), List.of(AgreementSigned.Covers.ROLES));
            var text = term(GovernanceRules.terms(ctx(pair().on(FORMED, tor))), "agreement").text();
            assertThat(text).isEqualTo("both partners have signed an agreement in force; the terms of reference was due"
                    + " for review on " + TODAY.minusMonths(1) + ", so it counts half until it is reviewed");
        }

        @Test
        void a_survey_is_a_blend_and_a_low_pair_a_cap_never_a_penalty() {
            var t = pair().meetings(FORMED, TODAY, 30, seniorSteering("a", "b"))
                    .on(TODAY, new TrustSurveyRecorded("s", "a", "b", 4, 4, 4, 3));
            var reasons = t.healthOn(TODAY).dimensions().get(HealthDimension.TRUST).reasons();
            assertThat(reasons).anySatisfy(r -> {
                assertThat(r.rule()).isEqualTo("trust-survey");
                assertThat(r.kind()).isEqualTo(Health.ReasonKind.BLEND);
                assertThat(r.text()).startsWith("the latest trust survey (" + TODAY + ", mean rating 3.75 of 5 = 69 of 100)"
                        + " blended half and half with the score from meetings and changes, ");
            });
        }

        @Test
        void alerts_date_the_first_day_their_condition_held() {
            var lastMeeting = TODAY.minusDays(100);
            var t = pair().meetings(FORMED, lastMeeting, 30, seniorSteering("a", "b"))
                    .on(FORMED, funding("grant", "lottery", 1000, FORMED, TODAY.plusDays(60), false));
            var health = t.healthOn(TODAY);
            var last = t.events.stream().filter(e -> e.payload() instanceof MeetingHeld)
                    .map(e -> Partnership.dayOf(e.occurredAt())).max(LocalDate::compareTo).orElseThrow();
            assertThat(health.alert("NO_MEETING").orElseThrow().since()).isEqualTo(last.plusDays(61));
            assertThat(health.alert("NO_SENIOR_ATTENDANCE").orElseThrow().since()).isEqualTo(last.plusDays(91));
            var cliff = health.alert("FUNDING_CLIFF").orElseThrow();
            assertThat(cliff.since()).isEqualTo(TODAY.plusDays(60).minusDays(180));
            assertThat(cliff.severitySince()).isEqualTo(TODAY.plusDays(60).minusDays(90));
            assertThat(cliff.prompt()).startsWith("The lottery funding of £1,000 ends on " + TODAY.plusDays(60));
        }

        @Test
        void prompts_name_organisations_and_say_who_rated_whom() {
            var t = new Timeline().on(FORMED, formed(PartnershipType.COLLABORATIVE,
                    new Organisation("rcc", "Riverside Community Council", Sector.PUBLIC),
                    new Organisation("hfs", "Harbour Family Services", Sector.VOLUNTARY)))
                    .meetings(FORMED, TODAY, 30, seniorSteering("rcc", "hfs"))
                    .on(TODAY, new TrustSurveyRecorded("s", "hfs", "rcc", 2, 3, 2, 3));
            var prompt = t.healthOn(TODAY).alert("LOW_TRUST_PAIR").orElseThrow().prompt();
            assertThat(prompt).isEqualTo("Harbour Family Services rated Riverside Community Council 2.5 of 5 on average"
                    + " (trust, reliability, openness and shared interest) in the survey of " + TODAY + ": what would it take for Harbour Family Services to trust Riverside"
                    + " Community Council more?");
        }

        @Test
        void a_paused_partnership_reads_back_from_its_pause_day_and_every_pause_reaches_further() {
            var pausedOn = TODAY.minusDays(300);
            var t = pair().on(FORMED, new PartnershipPaused("a break", FORMED.plusDays(40)))
                    .on(FORMED.plusDays(40), new PartnershipResumed())
                    .on(pausedOn, new PartnershipPaused("waiting", pausedOn.plusMonths(12)));
            var window = java.time.Duration.ofDays(100);
            var start = HealthAssessor.windowStart(t.events, TODAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                    window);
            assertThat(start).isEqualTo(pausedOn.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC).minus(window)
                    .minus(java.time.Duration.ofDays(40)));
            assertThat(HealthAssessor.windowStart(pair().events, TODAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                    window)).isEqualTo(TODAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).minus(window));
        }
    }
}
