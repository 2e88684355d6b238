package org.rapport.domain.health;

import static org.rapport.domain.health.Timeline.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.rapport.domain.*;

/**
 * The seed stories of the health model (the worked expectations of its specification), as
 * histories: told to the domain and through the API by the tests, and to a newcomer by dev mode's
 * demonstration portfolio. Each is written as it was told on {@link #TODAY}; {@link #toldOn} tells
 * it on another day, every date moved by the same number of days.
 */
public final class SeedStories {

    /** The day the stories are written as of. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    public static final String[] DRIVE = {"respect", "safelives", "social-finance"};

    private final long shift;

    private SeedStories(long shift) {
        this.shift = shift;
    }

    /** The stories told on {@code day}: what happened on TODAY - n happens on day - n. */
    public static SeedStories toldOn(LocalDate day) {
        return new SeedStories(java.time.temporal.ChronoUnit.DAYS.between(TODAY, day));
    }

    /** The day that was {@code year-month-day} when the stories were written. */
    private LocalDate at(int year, int month, int day) {
        return LocalDate.of(year, month, day).plusDays(shift);
    }

    public static Timeline driveLike(LocalDate lastMeeting, LocalDate coreEndsOn, boolean planForCore) {
        return toldOn(TODAY).drive(lastMeeting, coreEndsOn, planForCore);
    }

    public static Timeline youngAndThriving(LocalDate formedOn, LocalDate until) {
        return toldOn(TODAY).young(formedOn, until);
    }

    /**
     * Three partners' chief executives meeting monthly for years, goal revisited this year, terms
     * of reference, independent chair, core funding 14 months out, the other grant planned for,
     * measures improving, a pilot scaled. The last meeting is {@code lastMeeting}.
     */
    public Timeline drive(LocalDate lastMeeting, LocalDate coreEndsOn, boolean planForCore) {
        var today = TODAY.plusDays(shift);
        var t = new Timeline()
                .on(at(2023, 1, 10), formed(PartnershipType.COLLABORATIVE, org("respect", Sector.VOLUNTARY),
                        org("safelives", Sector.VOLUNTARY), org("social-finance", Sector.PRIVATE)))
                .on(at(2023, 3, 1), goal("reduce-harm", DRIVE))
                .on(at(2023, 3, 2), new ChairAppointed(ChairAppointed.Role.INDEPENDENT_CHAIR, "chair", null))
                .on(at(2024, 1, 5), new PilotStarted("pilot", new Location("Essex", "E1"),
                        at(2024, 1, 5)))
                .on(at(2025, 6, 1), new AgreementSigned("tor", AgreementSigned.Kind.TERMS_OF_REFERENCE,
                        List.of(DRIVE), at(2025, 6, 1), at(2027, 5, 1), List.of(
                                AgreementSigned.Covers.ROLES, AgreementSigned.Covers.DECISIONS,
                                AgreementSigned.Covers.RESOURCES, AgreementSigned.Covers.CONFLICT,
                                AgreementSigned.Covers.EXIT, AgreementSigned.Covers.REVIEW)))
                .on(at(2025, 4, 1), funding("core", "home-office", 500_000, at(2025, 4, 1),
                        coreEndsOn, true))
                .on(at(2025, 7, 1), funding("programme", "tudor-trust", 200_000, at(2025, 7, 1),
                        at(2027, 6, 30), false))
                .on(at(2026, 2, 1), agreedPlan("programme-plan", "programme"))
                .on(at(2025, 7, 2), staff("respect", at(2025, 7, 1)))
                .on(at(2025, 7, 3), staff("safelives", at(2025, 7, 1)))
                .on(at(2025, 8, 1), new MeasureDefined("repeat", "reduce-harm", "safelives", "Repeat rate",
                        BigDecimal.valueOf(32), MeasureDefined.Direction.DECREASE, null, MeasureDefined.Cadence.QUARTERLY))
                .on(at(2026, 10, 5), new MeasureRecorded("repeat", at(2026, 9, 30),
                        BigDecimal.valueOf(27)))
                .on(at(2026, 5, 1), new PilotScaled("pilot", new Location("Kent", "E2"),
                        PilotScaled.Kind.REPLICATION))
                .on(at(2026, 6, 1), new MilestoneSet("m100", "First 100", at(2026, 9, 1), null))
                .on(at(2026, 8, 20), new MilestoneReached("m100"))
                .on(at(2026, 9, 15), reaffirmed("reduce-harm", DRIVE))
                .on(today.minusDays(20), operational(DRIVE));
        for (var d = lastMeeting; d.isAfter(at(2023, 2, 1)); d = d.minusDays(30)) {
            t.on(d, seniorSteering(DRIVE));
        }
        if (planForCore) {
            t.on(at(2026, 3, 1), agreedPlan("core-plan", "core"));
        }
        return t;
    }

    /**
     * Six months old on {@code TODAY}: three chief executives meeting fortnightly at board level,
     * a trust survey averaging 4.75, a goal agreed by all; no agreement, chair or measure yet.
     * Meetings go on every fortnight until {@code until}.
     */
    public Timeline young(LocalDate formedOn, LocalDate until) {
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
