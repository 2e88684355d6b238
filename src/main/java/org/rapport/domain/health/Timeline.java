package org.rapport.domain.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.rapport.domain.*;

/** A partnership's history written day by day, for health scenarios. */
public final class Timeline {

    public final List<HistoricEvent> events = new ArrayList<>();

    public Timeline on(LocalDate day, PartnershipEvent event) {
        events.add(new HistoricEvent(UUID.randomUUID(), events.size() + 1, day.atTime(12, 0).toInstant(ZoneOffset.UTC),
                event));
        return this;
    }

    UUID last() {
        return events.get(events.size() - 1).eventId();
    }

    public Health healthOn(LocalDate day) {
        return HealthAssessor.assess(events, day.atTime(23, 59).toInstant(ZoneOffset.UTC), HealthParams.CURRENT);
    }

    /** Meetings every {@code everyDays} from {@code from} to {@code to} inclusive. */
    public Timeline meetings(LocalDate from, LocalDate to, int everyDays, MeetingHeld meeting) {
        for (var d = from; !d.isAfter(to); d = d.plusDays(everyDays)) {
            on(d, meeting);
        }
        return this;
    }

    public static PartnershipFormed formed(PartnershipType type, Organisation... founders) {
        return new PartnershipFormed("Partnership", type, null, List.of(founders));
    }

    public static Organisation org(String orgId, Sector sector) {
        return new Organisation(orgId, orgId, sector);
    }

    public static MeetingHeld meeting(MeetingHeld.MeetingKind kind, Seniority seniority, String... orgIds) {
        return new MeetingHeld(MeetingHeld.MeetingFormat.IN_PERSON, kind, Arrays.stream(orgIds)
                .map(o -> new MeetingHeld.Attendee("lead-" + o, o, seniority)).toList());
    }

    public static MeetingHeld seniorSteering(String... orgIds) {
        return meeting(MeetingHeld.MeetingKind.STEERING, Seniority.EXECUTIVE, orgIds);
    }

    public static MeetingHeld operational(String... orgIds) {
        return meeting(MeetingHeld.MeetingKind.OPERATIONAL, Seniority.MANAGER, orgIds);
    }

    public static SharedGoalAgreed goal(String goalId, String... endorsedBy) {
        return new SharedGoalAgreed(goalId, "One clear goal", true, List.of(endorsedBy));
    }

    public static SharedGoalRevised reaffirmed(String goalId, String... endorsedBy) {
        return new SharedGoalRevised(goalId, SharedGoalRevised.Change.REAFFIRMED, null, List.of(endorsedBy));
    }

    public static FundingSecured funding(String fundingId, String funderId, long amount, LocalDate startsOn, LocalDate endsOn,
            boolean core) {
        return new FundingSecured(fundingId, new FundingSecured.Funder(funderId, funderId, FundingSecured.FunderKind.TRUST),
                BigDecimal.valueOf(amount), "GBP", startsOn, endsOn, core);
    }

    public static ContinuationPlanRecorded agreedPlan(String planId, String... fundingIds) {
        return new ContinuationPlanRecorded(planId, List.of(fundingIds), ContinuationPlanRecorded.Route.MAINSTREAMED,
                ContinuationPlanRecorded.Status.AGREED, BigDecimal.ONE);
    }

    public static ResourceCommitted staff(String orgId, LocalDate from) {
        return new ResourceCommitted(orgId, ResourceCommitted.Kind.STAFF_FTE, BigDecimal.ONE, from, from.plusYears(2));
    }
}
