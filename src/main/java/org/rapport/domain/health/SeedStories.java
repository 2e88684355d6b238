package org.rapport.domain.health;

import static org.rapport.domain.health.Timeline.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.rapport.domain.*;

/**
 * The seed stories of the health model, as histories: told to the domain by
 * {@link WorkedExpectationsTest} and through the API by the seed-story API tests.
 */
public final class SeedStories {

    /** The day the stories are told as of. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    public static final String[] DRIVE = {"respect", "safelives", "social-finance"};

    private SeedStories() {
    }

    /**
     * Three partners' chief executives meeting monthly for years, goal revisited this year, terms
     * of reference, independent chair, core funding 14 months out, the other grant planned for,
     * measures improving, a pilot scaled. The last meeting is {@code lastMeeting}.
     */
    public static Timeline driveLike(LocalDate lastMeeting, LocalDate coreEndsOn, boolean planForCore) {
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

    /**
     * Six months old on {@code TODAY}: three chief executives meeting fortnightly at board level,
     * a trust survey averaging 4.75, a goal agreed by all; no agreement, chair or measure yet.
     * Meetings go on every fortnight until {@code until}.
     */
    public static Timeline youngAndThriving(LocalDate formedOn, LocalDate until) {
        var t = new Timeline()
                .on(formedOn, formed(PartnershipType.COLLABORATIVE, org("council", Sector.PUBLIC),
                        org("charity", Sector.VOLUNTARY), org("business", Sector.PRIVATE)))
                .on(formedOn.plusDays(10), goal("g", "council", "charity", "business"))
                .meetings(formedOn.plusDays(7), until, 14,
                        meeting(MeetingHeld.MeetingKind.BOARD, Seniority.EXECUTIVE, "council", "charity", "business"));
        for (var pair : List.of(List.of("council", "charity"), List.of("charity", "business"),
                List.of("business", "council"))) {
            t.on(formedOn.plusDays(150), new TrustSurveyRecorded("s1", pair.get(0), pair.get(1), 5, 5, 5, 4));
        }
        return t;
    }
}
