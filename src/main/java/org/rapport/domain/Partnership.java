package org.rapport.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A partnership's state as its events have made it so far (stream order): partners, goals,
 * funding, plans, agreements, leadership, measures, milestones, pilots, risks. It holds nothing
 * time-dependent: health is assessed from the events, not stored here.
 */
public record Partnership(UUID id, long version, String name, PartnershipType partnershipType,
        String problemStatement, LocalDate formedOn, Status status, Pause pause, Closure closure,
        List<Partner> partners, List<FormerPartner> formerPartners, List<Goal> goals, List<Funding> fundings,
        List<ContinuationPlan> plans, List<Agreement> agreements, Chair chair, List<Post> leadership,
        List<Commitment> resources, List<Measure> measures, List<Milestone> milestones, List<Pilot> pilots,
        List<Risk> risks, List<String> surveyResponses, CapabilityAssessment lastCapabilityAssessment) {

    public enum Status {
        ACTIVE, PAUSED, CLOSED
    }

    public record Pause(LocalDate pausedOn, LocalDate expectedResumeOn, String reason) {
    }

    public record Closure(LocalDate closedOn, PartnershipClosed.Reason reason) {
    }

    public record FormerPartner(String orgId, String name, LocalDate leftOn, PartnerLeft.Reason reason) {
    }

    public record Goal(String goalId, String statement, boolean primary, List<String> endorsedBy, LocalDate agreedOn,
            LocalDate lastRevisedOn, boolean active, SharedGoalRetired.Reason retiredReason) {
    }

    public record Funding(String fundingId, String funderId, String funderName, FundingSecured.FunderKind funderKind,
            BigDecimal amount, String currency, LocalDate startsOn, LocalDate endsOn, boolean coreCosts,
            LocalDate securedOn, boolean active, LocalDate endedOn, Boolean endedEarly) {
    }

    public record ContinuationPlan(String planId, List<String> fundingIds, ContinuationPlanRecorded.Route route,
            ContinuationPlanRecorded.Status status, BigDecimal staffFte, LocalDate recordedOn) {
    }

    public record Agreement(String agreementId, AgreementSigned.Kind kind, List<String> signatories,
            LocalDate effectiveOn, LocalDate reviewBy, List<AgreementSigned.Covers> covers, boolean inForce,
            LocalDate endedOn, AgreementEnded.Reason endedReason) {
    }

    public record Chair(ChairAppointed.Role role, String personRef, String orgId, LocalDate appointedOn) {
    }

    /** A senior post; {@code holderRef} null means vacant since {@code since}. */
    public record Post(String orgId, LeadershipChanged.Role role, String holderRef, LocalDate since,
            boolean handoverHeld) {
    }

    public record Commitment(String orgId, ResourceCommitted.Kind kind, BigDecimal amount, LocalDate from,
            LocalDate to) {
    }

    public record Measure(String measureId, String goalId, String ownerOrg, String name, BigDecimal baseline,
            MeasureDefined.Direction direction, BigDecimal target, MeasureDefined.Cadence cadence, boolean active,
            List<LocalDate> recordedPeriods, LocalDate latestPeriodEnd, BigDecimal latestValue) {
    }

    public enum MilestoneStatus {
        OPEN, REACHED, DROPPED
    }

    public record Milestone(String milestoneId, String title, LocalDate dueOn, String goalId, MilestoneStatus status,
            LocalDate reachedOn) {
    }

    public record Scaling(Location location, PilotScaled.Kind kind, LocalDate scaledOn) {
    }

    public record Pilot(String pilotId, Location location, LocalDate startsOn, List<Scaling> scaledTo) {
    }

    public record Risk(String riskId, RiskRaised.Category category, int likelihood, int impact, LocalDate raisedOn,
            boolean open, LocalDate resolvedOn, RiskResolved.Outcome outcome) {
    }

    public record CapabilityAssessment(LocalDate heldOn, List<String> orgIds, boolean chiefExecutivesPresent) {
    }

    public boolean isPartner(String orgId) {
        return orgId != null && partners.stream().anyMatch(p -> Objects.equals(p.orgId(), orgId));
    }

    public Optional<Goal> goal(String goalId) {
        return goals.stream().filter(g -> g.goalId().equals(goalId)).findFirst();
    }

    public Optional<Funding> funding(String fundingId) {
        return fundings.stream().filter(f -> f.fundingId().equals(fundingId)).findFirst();
    }

    public Optional<Agreement> agreement(String agreementId) {
        return agreements.stream().filter(a -> a.agreementId().equals(agreementId)).findFirst();
    }

    public Optional<Measure> measure(String measureId) {
        return measures.stream().filter(m -> m.measureId().equals(measureId)).findFirst();
    }

    public Optional<Milestone> milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.milestoneId().equals(milestoneId)).findFirst();
    }

    public Optional<Pilot> pilot(String pilotId) {
        return pilots.stream().filter(p -> p.pilotId().equals(pilotId)).findFirst();
    }

    public Optional<Risk> risk(String riskId) {
        return risks.stream().filter(r -> r.riskId().equals(riskId)).findFirst();
    }

    public Optional<Goal> activePrimaryGoal() {
        return goals.stream().filter(g -> g.active() && g.primary()).findFirst();
    }

    /** The same state without who rated whom in trust surveys. */
    public Partnership withoutSurveyResponses() {
        var d = draft();
        d.surveyResponses = new ArrayList<>();
        return d.build();
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A working copy for {@link PartnershipDecider#evolve}: every list is a fresh mutable copy. */
    Draft draft() {
        return new Draft(this);
    }

    static final class Draft {
        UUID id;
        long version;
        String name;
        PartnershipType partnershipType;
        String problemStatement;
        LocalDate formedOn;
        Status status;
        Pause pause;
        Closure closure;
        List<Partner> partners;
        List<FormerPartner> formerPartners;
        List<Goal> goals;
        List<Funding> fundings;
        List<ContinuationPlan> plans;
        List<Agreement> agreements;
        Chair chair;
        List<Post> leadership;
        List<Commitment> resources;
        List<Measure> measures;
        List<Milestone> milestones;
        List<Pilot> pilots;
        List<Risk> risks;
        List<String> surveyResponses;
        CapabilityAssessment lastCapabilityAssessment;

        Draft() {
            partners = new ArrayList<>();
            formerPartners = new ArrayList<>();
            goals = new ArrayList<>();
            fundings = new ArrayList<>();
            plans = new ArrayList<>();
            agreements = new ArrayList<>();
            leadership = new ArrayList<>();
            resources = new ArrayList<>();
            measures = new ArrayList<>();
            milestones = new ArrayList<>();
            pilots = new ArrayList<>();
            risks = new ArrayList<>();
            surveyResponses = new ArrayList<>();
            status = Status.ACTIVE;
        }

        Draft(Partnership s) {
            id = s.id;
            version = s.version;
            name = s.name;
            partnershipType = s.partnershipType;
            problemStatement = s.problemStatement;
            formedOn = s.formedOn;
            status = s.status;
            pause = s.pause;
            closure = s.closure;
            partners = new ArrayList<>(s.partners);
            formerPartners = new ArrayList<>(s.formerPartners);
            goals = new ArrayList<>(s.goals);
            fundings = new ArrayList<>(s.fundings);
            plans = new ArrayList<>(s.plans);
            agreements = new ArrayList<>(s.agreements);
            chair = s.chair;
            leadership = new ArrayList<>(s.leadership);
            resources = new ArrayList<>(s.resources);
            measures = new ArrayList<>(s.measures);
            milestones = new ArrayList<>(s.milestones);
            pilots = new ArrayList<>(s.pilots);
            risks = new ArrayList<>(s.risks);
            surveyResponses = new ArrayList<>(s.surveyResponses);
            lastCapabilityAssessment = s.lastCapabilityAssessment;
        }

        /** Replaces the first element matching {@code same} with {@code replacement}, or adds it. */
        static <T> void put(List<T> list, java.util.function.Predicate<T> same, T replacement) {
            for (int i = 0; i < list.size(); i++) {
                if (same.test(list.get(i))) {
                    list.set(i, replacement);
                    return;
                }
            }
            list.add(replacement);
        }

        Partnership build() {
            return new Partnership(id, version, name, partnershipType, problemStatement, formedOn, status, pause,
                    closure, List.copyOf(partners), List.copyOf(formerPartners), List.copyOf(goals),
                    List.copyOf(fundings), List.copyOf(plans), List.copyOf(agreements), chair,
                    List.copyOf(leadership), List.copyOf(resources), List.copyOf(measures), List.copyOf(milestones),
                    List.copyOf(pilots), List.copyOf(risks), List.copyOf(surveyResponses), lastCapabilityAssessment);
        }
    }
}
