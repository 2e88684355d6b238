package org.rapport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Given these events, when this one is proposed, then it is accepted (and the state is this) or
 * this rule is broken: the partnership's rules as readable test fixtures.
 */
final class Stories {

    static final UUID PARTNERSHIP = UUID.fromString("9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a");
    static final LocalDate FORMED_ON = LocalDate.of(2026, 1, 12);

    private Stories() {
    }

    static Given given(PartnershipEvent... events) {
        var given = new Given();
        var day = FORMED_ON;
        for (var e : events) {
            given.on(day, e);
            day = day.plusDays(1);
        }
        return given;
    }

    static final class Given {
        final List<HistoricEvent> history = new ArrayList<>();

        Given on(LocalDate day, PartnershipEvent event) {
            history.add(new HistoricEvent(UUID.randomUUID(), history.size() + 1, at(day), event));
            return this;
        }

        Partnership state() {
            return PartnershipDecider.fold(PARTNERSHIP, history);
        }

        UUID idOf(int index) {
            return history.get(index).eventId();
        }

        When when(PartnershipEvent event) {
            return new When(this, event, at(FORMED_ON.plusDays(200)));
        }

        When whenOn(LocalDate day, PartnershipEvent event) {
            return new When(this, event, at(day));
        }
    }

    record When(Given given, PartnershipEvent event, Instant occurredAt) {

        private Partnership apply() {
            var proposed = new ProposedEvent(UUID.randomUUID(), occurredAt, event);
            if (event instanceof EventVoided) {
                return PartnershipDecider.decideVoid(PARTNERSHIP, given.history, proposed);
            }
            var state = given.state();
            PartnershipDecider.decide(state, proposed);
            return PartnershipDecider.evolve(state, PARTNERSHIP, given.history.size() + 1, occurredAt, event);
        }

        Partnership thenAccepted() {
            var after = apply();
            assertThat(after.version()).isEqualTo(given.history.size() + 1);
            return after;
        }

        /** The rule broken, whatever id it names (e.g. the proposed event's own). */
        void thenBreaks(Rule rule) {
            assertThatThrownBy(this::apply).isInstanceOfSatisfying(RuleBroken.class,
                    e -> assertThat(e.rule()).isEqualTo(rule));
        }

        void thenBreaks(Rule rule, String offendingId) {
            assertThatThrownBy(this::apply).isInstanceOfSatisfying(RuleBroken.class, e -> {
                assertThat(e.rule()).isEqualTo(rule);
                assertThat(e.offendingId()).isEqualTo(offendingId);
                assertThat(e.getMessage()).isNotBlank();
            });
        }
    }

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    // --- Events, with the defaults of the Drive-like story ---------------------------------------

    static PartnershipFormed formed() {
        return new PartnershipFormed("Drive", PartnershipType.COLLABORATIVE, "Abuse goes unchallenged.",
                List.of(new Organisation("respect", "Respect", Sector.VOLUNTARY),
                        new Organisation("safelives", "SafeLives", Sector.VOLUNTARY),
                        new Organisation("social-finance", "Social Finance", Sector.PRIVATE)));
    }

    static PartnershipFormed formedBy(String... orgIds) {
        return new PartnershipFormed("Pair", PartnershipType.COOPERATIVE, null, java.util.Arrays.stream(orgIds)
                .map(o -> new Organisation(o, o, Sector.PUBLIC)).toList());
    }

    static PartnerJoined joined(String orgId) {
        return new PartnerJoined(orgId, "Org " + orgId, Sector.PUBLIC, PartnerRole.COMMISSIONER, null);
    }

    static PartnerLeft left(String orgId) {
        return new PartnerLeft(orgId, PartnerLeft.Reason.PLANNED);
    }

    static MeetingHeld met(String... orgIds) {
        return new MeetingHeld(MeetingHeld.MeetingFormat.IN_PERSON, MeetingHeld.MeetingKind.STEERING,
                java.util.Arrays.stream(orgIds)
                        .map(o -> new MeetingHeld.Attendee("ce-" + o, o, Seniority.EXECUTIVE)).toList());
    }

    static TrustSurveyRecorded rated(String surveyId, String respondent, String rated) {
        return new TrustSurveyRecorded(surveyId, respondent, rated, 4, 4, 3, 5);
    }

    static SharedGoalAgreed goal(String goalId, boolean primary, String... endorsedBy) {
        return new SharedGoalAgreed(goalId, "Reduce harm", primary, List.of(endorsedBy));
    }

    static SharedGoalRevised revised(String goalId) {
        return new SharedGoalRevised(goalId, SharedGoalRevised.Change.NARROWED, "Reduce repeat harm",
                List.of("respect"));
    }

    static SharedGoalRetired goalRetired(String goalId) {
        return new SharedGoalRetired(goalId, SharedGoalRetired.Reason.ACHIEVED);
    }

    static AgreementSigned signed(String agreementId, String... signatories) {
        return new AgreementSigned(agreementId, AgreementSigned.Kind.TERMS_OF_REFERENCE, List.of(signatories),
                LocalDate.of(2026, 2, 1), LocalDate.of(2027, 2, 1), List.of(AgreementSigned.Covers.ROLES));
    }

    static AgreementEnded agreementEnded(String agreementId) {
        return new AgreementEnded(agreementId, AgreementEnded.Reason.EXPIRED);
    }

    static FundingSecured funding(String fundingId) {
        return new FundingSecured(fundingId, new FundingSecured.Funder("tudor-trust", "Tudor Trust",
                FundingSecured.FunderKind.TRUST), new BigDecimal("450000"), "GBP", LocalDate.of(2026, 4, 1),
                LocalDate.of(2028, 3, 31), true);
    }

    static FundingEnded fundingEnded(String fundingId) {
        return new FundingEnded(fundingId, false);
    }

    static ContinuationPlanRecorded plan(String planId, ContinuationPlanRecorded.Status status, String... fundingIds) {
        return new ContinuationPlanRecorded(planId, List.of(fundingIds), ContinuationPlanRecorded.Route.MAINSTREAMED,
                status, new BigDecimal("0.5"));
    }

    static MeasureDefined measure(String measureId, String goalId, String owner) {
        return new MeasureDefined(measureId, goalId, owner, "Repeat victimisation", new BigDecimal("32"),
                MeasureDefined.Direction.DECREASE, null, MeasureDefined.Cadence.QUARTERLY);
    }

    static MeasureRecorded measured(String measureId, LocalDate periodEnd, String value) {
        return new MeasureRecorded(measureId, periodEnd, new BigDecimal(value));
    }

    static MilestoneSet milestone(String milestoneId, String goalId) {
        return new MilestoneSet(milestoneId, "First 100 cases", LocalDate.of(2026, 9, 30), goalId);
    }

    static PilotStarted pilot(String pilotId) {
        return new PilotStarted(pilotId, new Location("Essex", "E10000012"), LocalDate.of(2026, 5, 10));
    }

    static RiskRaised risk(String riskId) {
        return new RiskRaised(riskId, RiskRaised.Category.RELATIONSHIP, 3, 3);
    }

    static PartnershipPaused paused() {
        return new PartnershipPaused("Waiting for commissioning", LocalDate.of(2026, 12, 1));
    }

    static PartnershipClosed closed() {
        return new PartnershipClosed(PartnershipClosed.Reason.DISSOLVED);
    }

    static EventVoided voiding(UUID eventId) {
        return new EventVoided(eventId, "Recorded in error");
    }
}
