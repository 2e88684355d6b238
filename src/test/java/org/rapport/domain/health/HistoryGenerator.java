package org.rapport.domain.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.rapport.domain.*;

/**
 * Random but valid partnership histories from a seed: every generated event obeys the rules
 * (each is checked with the decider before it is kept), so the same history is accepted by the
 * API. A failing property prints its seed to replay it.
 */
public final class HistoryGenerator {

    public record Dated(LocalDate on, PartnershipEvent event, UUID eventId) {
    }

    private final Random random;
    private final String prefix;

    public HistoryGenerator(long seed, String prefix) {
        this.random = new Random(seed);
        this.prefix = prefix;
    }

    public List<Dated> history(LocalDate formedOn, LocalDate until, int events) {
        var orgs = new ArrayList<String>();
        int founders = 2 + random.nextInt(3);
        var sectors = Sector.values();
        var founding = new ArrayList<Organisation>();
        for (int i = 0; i < founders; i++) {
            var org = prefix + "-org" + i;
            orgs.add(org);
            founding.add(new Organisation(org, org, sectors[random.nextInt(sectors.length)]));
        }
        var type = PartnershipType.values()[random.nextInt(PartnershipType.values().length)];
        var formed = new PartnershipFormed(prefix, type, null, founding);
        var out = new ArrayList<Dated>();
        var history = new ArrayList<HistoricEvent>();
        add(out, history, formedOn, formed);
        long span = Math.max(1, until.toEpochDay() - formedOn.toEpochDay());
        var days = new ArrayList<LocalDate>();
        for (int i = 0; i < events; i++) {
            days.add(formedOn.plusDays(random.nextLong(span + 1)));
        }
        days.sort(null);
        int counter = 0;
        for (var day : days) {
            var state = PartnershipDecider.fold(UUID.randomUUID(), history);
            for (int attempt = 0; attempt < 5; attempt++) {
                var event = next(state, day, counter++);
                try {
                    PartnershipDecider.decide(state, new ProposedEvent(UUID.randomUUID(), at(day), event));
                    var v = new Validation();
                    new ProposedEvent(null, at(day), event).validate(v, at(until.plusDays(1)));
                    if (v.isValid()) {
                        add(out, history, day, event);
                        break;
                    }
                } catch (RuleBroken e) {
                    // try another kind of event
                }
            }
        }
        return out;
    }

    private void add(List<Dated> out, List<HistoricEvent> history, LocalDate day, PartnershipEvent event) {
        var id = UUID.randomUUID();
        out.add(new Dated(day, event, id));
        history.add(new HistoricEvent(id, history.size() + 1, at(day), event));
    }

    static Instant at(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private List<String> some(List<String> orgs, int min) {
        var copy = new ArrayList<>(orgs);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(copy.size(), min + random.nextInt(Math.max(1, copy.size() - min + 1)))));
    }

    private PartnershipEvent next(Partnership s, LocalDate day, int n) {
        var orgs = s.partners().stream().map(Partner::orgId).toList();
        var seniorities = Seniority.values();
        int kind = random.nextInt(20);
        return switch (kind) {
            case 0, 1, 2, 3, 4, 5, 6 -> new MeetingHeld(MeetingHeld.MeetingFormat.values()[random.nextInt(3)],
                    MeetingHeld.MeetingKind.values()[random.nextInt(4)], some(orgs, 2).stream()
                            .map(o -> new MeetingHeld.Attendee("p-" + o + random.nextInt(3), o,
                                    seniorities[random.nextInt(seniorities.length)])).toList());
            case 7 -> new TrustSurveyRecorded("s" + n, orgs.get(0), orgs.get(1), 1 + random.nextInt(5),
                    1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5));
            case 8 -> s.activePrimaryGoal().isPresent()
                    ? new SharedGoalRevised(s.activePrimaryGoal().get().goalId(), SharedGoalRevised.Change.REAFFIRMED,
                            null, some(orgs, 1))
                    : new SharedGoalAgreed("g" + n, "goal " + n, true, some(orgs, 1));
            case 9 -> new FundingSecured("f" + n, new FundingSecured.Funder("funder" + random.nextInt(3), null, null),
                    BigDecimal.valueOf(1000 + random.nextInt(100_000)), "GBP", day, random.nextBoolean() ? null
                            : day.plusDays(30 + random.nextInt(900)), random.nextBoolean());
            case 10 -> s.fundings().isEmpty() ? new RiskRaised("r" + n, RiskRaised.Category.values()[random.nextInt(7)],
                    1 + random.nextInt(4), 1 + random.nextInt(4))
                    : new ContinuationPlanRecorded("plan" + n, List.of(pick(s.fundings()).fundingId()),
                            ContinuationPlanRecorded.Route.values()[random.nextInt(6)],
                            ContinuationPlanRecorded.Status.values()[random.nextInt(2)], BigDecimal.ONE);
            case 11 -> new AgreementSigned("a" + n, AgreementSigned.Kind.values()[random.nextInt(5)], some(orgs, 1),
                    day, day.plusMonths(1 + random.nextInt(24)), List.of(AgreementSigned.Covers.ROLES));
            case 12 -> new LeadershipChanged(pick(orgs), LeadershipChanged.Role.values()[random.nextInt(5)],
                    random.nextBoolean() ? null : "new" + n, day, random.nextBoolean());
            case 13 -> new ResourceCommitted(pick(orgs), ResourceCommitted.Kind.values()[random.nextInt(3)],
                    BigDecimal.ONE, day, day.plusDays(365));
            case 14 -> s.activePrimaryGoal().isPresent()
                    ? new MeasureDefined("m" + n, s.activePrimaryGoal().get().goalId(), pick(orgs), "measure",
                            BigDecimal.TEN, MeasureDefined.Direction.values()[random.nextInt(3)], null,
                            MeasureDefined.Cadence.values()[random.nextInt(3)])
                    : new RiskRaised("r" + n, RiskRaised.Category.RELATIONSHIP, 3, 3);
            case 15 -> s.measures().isEmpty() ? new MilestoneSet("ms" + n, "milestone", day.plusDays(60), null)
                    : new MeasureRecorded(pick(s.measures()).measureId(), day.plusDays(n % 7), BigDecimal.valueOf(
                            random.nextInt(20)));
            case 16 -> s.milestones().stream().anyMatch(m -> m.status() == Partnership.MilestoneStatus.OPEN)
                    ? new MilestoneReached(s.milestones().stream()
                            .filter(m -> m.status() == Partnership.MilestoneStatus.OPEN).findFirst().get().milestoneId())
                    : new PilotStarted("pilot" + n, new Location("place", "P" + n), day);
            case 17 -> s.pilots().isEmpty() ? new ChairAppointed(ChairAppointed.Role.INDEPENDENT_CHAIR, "chair", null)
                    : new PilotScaled(pick(s.pilots()).pilotId(), new Location("new place", "N" + n),
                            PilotScaled.Kind.REPLICATION);
            case 18 -> new PartnershipTypeConfirmed(pick(orgs), PartnershipType.values()[random.nextInt(4)]);
            default -> s.risks().stream().anyMatch(Partnership.Risk::open)
                    ? new RiskResolved(s.risks().stream().filter(Partnership.Risk::open).findFirst().get().riskId(),
                            RiskResolved.Outcome.MITIGATED)
                    : new CapabilityAssessmentHeld(some(orgs, 1), random.nextBoolean());
        };
    }
}
