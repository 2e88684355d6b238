package org.rapport.devstack;

import static org.rapport.domain.health.Timeline.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.rapport.domain.*;
import org.rapport.domain.health.SeedStories;
import org.rapport.domain.health.Timeline;

/**
 * Dev mode's demonstration portfolio: six partnerships a newcomer recognises, told as of
 * {@code today}, each a history of events recorded as a client would record them.
 */
final class DemoStories {

    /** A story to record: the partnership's name comes with its formation. */
    record Story(String title, Timeline timeline) {
    }

    /** The funders the stories name, registered before the stories are recorded. */
    record DemoFunder(String funderId, String name, FundingSecured.FunderKind kind) {
    }

    static final List<DemoFunder> FUNDERS = List.of(
            new DemoFunder("home-office", "Home Office", FundingSecured.FunderKind.GOVERNMENT),
            new DemoFunder("tudor-trust", "Tudor Trust", FundingSecured.FunderKind.TRUST),
            new DemoFunder("national-lottery", "National Lottery Community Fund", FundingSecured.FunderKind.LOTTERY),
            new DemoFunder("norfolk-county-council", "Norfolk County Council", FundingSecured.FunderKind.GOVERNMENT));

    private final LocalDate today;

    DemoStories(LocalDate today) {
        this.today = today;
    }

    List<Story> all() {
        return List.of(drive(), holidayLunches(), norfolkHousing(), quiet(), cliff(), formedLastWeek());
    }

    /** The seed story: three charities' chief executives meeting monthly for years, GREEN. */
    Story drive() {
        var t = SeedStories.toldOn(today).drive(today.minusDays(2), today.plusMonths(14), false);
        // The seed story's goal and funders are placeholders; the demo speaks of Drive's own.
        t.events.replaceAll(e -> switch (e.payload()) {
            case SharedGoalAgreed g -> new HistoricEvent(e.eventId(), e.version(), e.occurredAt(), new SharedGoalAgreed(
                    g.goalId(), "Fewer victims of domestic abuse: perpetrators who pose a high risk are challenged to "
                            + "change.", g.primary(), g.endorsedBy()));
            case FundingSecured f -> new HistoricEvent(e.eventId(), e.version(), e.occurredAt(), new FundingSecured(
                    f.fundingId(), new FundingSecured.Funder(f.funder().funderId(), null, null), f.amount(), f.currency(),
                    f.startsOn(), f.endsOn(), f.coreCosts()));
            default -> e;
        });
        return named("Drive", t, new PartnershipFormed("The Drive Partnership", PartnershipType.COLLABORATIVE,
                "Perpetrators of domestic abuse who pose a high risk are rarely challenged to change.", List.of(
                        new Organisation("respect", "Respect", Sector.VOLUNTARY),
                        new Organisation("safelives", "SafeLives", Sector.VOLUNTARY),
                        new Organisation("social-finance", "Social Finance", Sector.PRIVATE))));
    }

    /** Rachel's holiday lunches: three schools in a pilot, then 56 locations across the county. */
    Story holidayLunches() {
        var start = today.minusMonths(26);
        var orgs = new String[] {"st-marys", "oakfield", "riverside-academy", "norfolk-county-council"};
        var t = new Timeline()
                .on(start, new PartnershipFormed("Holiday Lunches", PartnershipType.COORDINATED,
                        "Children who get free school meals go hungry in the holidays.", List.of(
                                new Organisation("st-marys", "St Mary's Primary", Sector.PUBLIC),
                                new Organisation("oakfield", "Oakfield School", Sector.PUBLIC),
                                new Organisation("riverside-academy", "Riverside Academy", Sector.PUBLIC))))
                .on(start.plusDays(20), new SharedGoalAgreed("no-hungry-holidays",
                        "No child who gets free school meals goes hungry in the holidays.", true,
                        List.of("st-marys", "oakfield", "riverside-academy")))
                .on(start.plusDays(30), new PilotStarted("lunches", new Location("Three schools in Thetford", "TF"),
                        start.plusDays(60)))
                .on(start.plusMonths(8), new PartnerJoined("norfolk-county-council", "Norfolk County Council",
                        Sector.PUBLIC, PartnerRole.COMMISSIONER, "Venues and the holiday activities grant"))
                .on(start.plusMonths(9), new PilotScaled("lunches", new Location("12 locations in Breckland", "BR"),
                        PilotScaled.Kind.REPLICATION))
                .on(start.plusMonths(16), new PilotScaled("lunches", new Location("56 locations across Norfolk", "NF"),
                        PilotScaled.Kind.EXPANDED_REACH))
                .on(start.plusMonths(9), new FundingSecured("lottery", new FundingSecured.Funder("national-lottery",
                        null, null), BigDecimal.valueOf(240_000), "GBP", start.plusMonths(9), today.plusMonths(10), true))
                .on(today.minusMonths(2), new ContinuationPlanRecorded("mainstream", List.of("lottery"),
                        ContinuationPlanRecorded.Route.MAINSTREAMED, ContinuationPlanRecorded.Status.AGREED,
                        BigDecimal.valueOf(3)))
                .on(start.plusMonths(10), new MeasureDefined("meals", "no-hungry-holidays", "norfolk-county-council",
                        "Lunches served in the holidays", BigDecimal.valueOf(900), MeasureDefined.Direction.INCREASE,
                        BigDecimal.valueOf(40_000), MeasureDefined.Cadence.QUARTERLY))
                .on(start.plusMonths(11), new AgreementSigned("mou", AgreementSigned.Kind.MOU, List.of(orgs),
                        start.plusMonths(11), today.plusMonths(6), List.of(AgreementSigned.Covers.ROLES,
                                AgreementSigned.Covers.RESOURCES, AgreementSigned.Covers.DATA,
                                AgreementSigned.Covers.REVIEW)));
        int[] meals = {4_200, 9_800, 18_500, 31_000};
        for (int q = 0; q < meals.length; q++) {
            var periodEnd = today.minusMonths(3L * (meals.length - q)).withDayOfMonth(1).minusDays(1);
            t.on(periodEnd.plusDays(10), new MeasureRecorded("meals", periodEnd, BigDecimal.valueOf(meals[q])));
        }
        t.meetings(start.plusDays(7), start.plusMonths(8), 30,
                meeting(MeetingHeld.MeetingKind.STEERING, Seniority.EXECUTIVE, "st-marys", "oakfield",
                        "riverside-academy"));
        t.meetings(start.plusMonths(8).plusDays(7), today.minusDays(9), 30,
                meeting(MeetingHeld.MeetingKind.STEERING, Seniority.EXECUTIVE, orgs));
        return sorted("Holiday Lunches", t);
    }

    /**
     * A housing partnership moving from sharing information (tactical) to one plan (strategic):
     * its goal expanded, a partnership agreement, shared funding, and meetings that moved from
     * managers at working level to directors at board level.
     */
    Story norfolkHousing() {
        var start = today.minusMonths(20);
        var orgs = new String[] {"norfolk-county-council", "broadland-housing", "shelter-norfolk"};
        var t = new Timeline()
                .on(start, new PartnershipFormed("Norfolk Housing Partnership", PartnershipType.COOPERATIVE,
                        "People leaving hospital have nowhere safe to go.", List.of(
                                new Organisation("norfolk-county-council", "Norfolk County Council", Sector.PUBLIC),
                                new Organisation("broadland-housing", "Broadland Housing", Sector.VOLUNTARY),
                                new Organisation("shelter-norfolk", "Shelter Norfolk", Sector.VOLUNTARY))))
                .on(start.plusDays(30), new SharedGoalAgreed("share-cases", "Share what we know about people "
                        + "leaving hospital without a home.", true, List.of(orgs)))
                .on(start.plusMonths(12), new CapabilityAssessmentHeld(List.of(orgs), true))
                .on(start.plusMonths(13), new SharedGoalRevised("share-cases", SharedGoalRevised.Change.EXPANDED,
                        "No one leaves hospital without a safe place to live.", List.of(orgs)))
                .on(start.plusMonths(14), new AgreementSigned("agreement", AgreementSigned.Kind.PARTNERSHIP_AGREEMENT,
                        List.of(orgs), start.plusMonths(14), today.plusMonths(8), List.of(AgreementSigned.Covers.ROLES,
                                AgreementSigned.Covers.DECISIONS, AgreementSigned.Covers.RESOURCES,
                                AgreementSigned.Covers.RISK, AgreementSigned.Covers.EXIT, AgreementSigned.Covers.REVIEW)))
                .on(start.plusMonths(14).plusDays(1), new FundingSecured("step-down", new FundingSecured.Funder(
                        "norfolk-county-council", null, null), BigDecimal.valueOf(180_000), "GBP", start.plusMonths(15),
                        today.plusMonths(22), true));
        t.meetings(start.plusDays(14), start.plusMonths(12), 45,
                meeting(MeetingHeld.MeetingKind.OPERATIONAL, Seniority.MANAGER, orgs));
        t.meetings(start.plusMonths(12).plusDays(14), today.minusDays(12), 30,
                meeting(MeetingHeld.MeetingKind.BOARD, Seniority.DIRECTOR, orgs));
        return sorted("Norfolk Housing", t);
    }

    /** Stopped meeting a year ago, its goal 13 months old: RED. */
    Story quiet() {
        var start = today.minusMonths(30);
        var orgs = new String[] {"eastbrook-youth", "eastbrook-council"};
        var t = new Timeline()
                .on(start, new PartnershipFormed("Eastbrook Youth Alliance", PartnershipType.COLLABORATIVE,
                        "Young people in Eastbrook have nowhere to go after school.", List.of(
                                new Organisation("eastbrook-youth", "Eastbrook Youth Trust", Sector.VOLUNTARY),
                                new Organisation("eastbrook-council", "Eastbrook Council", Sector.PUBLIC))))
                .on(today.minusMonths(13), new SharedGoalAgreed("after-school", "Every young person in Eastbrook has "
                        + "somewhere to go after school.", true, List.of(orgs)));
        t.meetings(start.plusDays(10), today.minusMonths(12), 30,
                meeting(MeetingHeld.MeetingKind.STEERING, Seniority.EXECUTIVE, orgs));
        return sorted("Eastbrook", t);
    }

    /** Meeting well, but its only core grant ends in 60 days with no agreed plan: RED. */
    Story cliff() {
        var start = today.minusMonths(22);
        var orgs = new String[] {"coastal-carers", "age-uk-coast", "coast-ccg"};
        var t = new Timeline()
                .on(start, new PartnershipFormed("Coastal Carers Network", PartnershipType.COLLABORATIVE,
                        "Unpaid carers on the coast reach crisis before anyone knows they care.", List.of(
                                new Organisation("coastal-carers", "Coastal Carers", Sector.VOLUNTARY),
                                new Organisation("age-uk-coast", "Age UK Coast", Sector.VOLUNTARY),
                                new Organisation("coast-ccg", "Coast Health Board", Sector.PUBLIC))))
                .on(start.plusDays(20), new SharedGoalAgreed("carers", "Carers are known and supported before crisis.",
                        true, List.of(orgs)))
                .on(today.minusMonths(4), new SharedGoalRevised("carers", SharedGoalRevised.Change.REAFFIRMED, null,
                        List.of(orgs)))
                .on(start.plusMonths(2), new AgreementSigned("tor", AgreementSigned.Kind.TERMS_OF_REFERENCE,
                        List.of(orgs), start.plusMonths(2), today.plusMonths(10), List.of(AgreementSigned.Covers.ROLES,
                                AgreementSigned.Covers.DECISIONS, AgreementSigned.Covers.REVIEW)))
                .on(start.plusMonths(1), new FundingSecured("core", new FundingSecured.Funder("home-office", null,
                        null), BigDecimal.valueOf(150_000), "GBP", start.plusMonths(1), today.plusDays(60), true));
        t.meetings(start.plusDays(14), today.minusDays(5), 30,
                meeting(MeetingHeld.MeetingKind.BOARD, Seniority.EXECUTIVE, orgs));
        return sorted("Coastal Carers", t);
    }

    /** Formed last week: not enough data yet, and nothing shown as a zero. */
    Story formedLastWeek() {
        var t = new Timeline().on(today.minusDays(6), new PartnershipFormed("Riverside Food Partnership",
                PartnershipType.COOPERATIVE, "Food banks and cafés in Riverside run out on the same days.", List.of(
                        new Organisation("riverside-foodbank", "Riverside Food Bank", Sector.VOLUNTARY),
                        new Organisation("riverside-cafes", "Riverside Community Cafés", Sector.COMMUNITY))));
        return new Story("Riverside Food", t);
    }

    /** The story with its formation named, every later event kept as it was. */
    private static Story named(String title, Timeline t, PartnershipFormed formation) {
        var first = t.events.get(0);
        t.events.set(0, new HistoricEvent(first.eventId(), first.version(), first.occurredAt(), formation));
        return sorted(title, t);
    }

    /** Events in the order they happened, the formation first, as a client would record them. */
    private static Story sorted(String title, Timeline t) {
        var formation = t.events.get(0);
        var rest = new java.util.ArrayList<>(t.events.subList(1, t.events.size()));
        rest.sort(java.util.Comparator.comparing(HistoricEvent::occurredAt));
        t.events.clear();
        t.events.add(formation);
        t.events.addAll(rest);
        return new Story(title, t);
    }
}
