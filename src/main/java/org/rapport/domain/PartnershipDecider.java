package org.rapport.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.domain.Partnership.Agreement;
import org.rapport.domain.Partnership.Chair;
import org.rapport.domain.Partnership.CapabilityAssessment;
import org.rapport.domain.Partnership.Closure;
import org.rapport.domain.Partnership.Commitment;
import org.rapport.domain.Partnership.ContinuationPlan;
import org.rapport.domain.Partnership.Draft;
import org.rapport.domain.Partnership.FormerPartner;
import org.rapport.domain.Partnership.Funding;
import org.rapport.domain.Partnership.Goal;
import org.rapport.domain.Partnership.Measure;
import org.rapport.domain.Partnership.Milestone;
import org.rapport.domain.Partnership.MilestoneStatus;
import org.rapport.domain.Partnership.Pause;
import org.rapport.domain.Partnership.Pilot;
import org.rapport.domain.Partnership.Post;
import org.rapport.domain.Partnership.Risk;
import org.rapport.domain.Partnership.Scaling;
import org.rapport.domain.Partnership.Status;

/**
 * The partnership's rules as pure functions: {@link #decide} checks a proposed event against the
 * state so far, {@link #evolve} applies a recorded one, {@link #fold} rebuilds the state from a
 * stream (leaving voided events out) and {@link #decideVoid} checks a void against the history.
 * Time and ids are passed in.
 */
public final class PartnershipDecider {

    private PartnershipDecider() {
    }

    /**
     * Checks the rules that need the partnership's state; throws {@link RuleBroken} naming the
     * first one broken. Stateless checks ({@link ProposedEvent#validate}) come first, elsewhere.
     * EventVoided needs the history: see {@link #decideVoid}.
     */
    public static void decide(Partnership state, ProposedEvent proposed) {
        var event = proposed.payload();
        if (event instanceof PartnershipFormed) {
            if (state != null) {
                throw broken(Rule.PARTNERSHIP_ALREADY_FORMED, state.id().toString(),
                        "Partnership " + state.id() + " was already formed.");
            }
            return;
        }
        if (state == null) {
            throw broken(Rule.PARTNERSHIP_NOT_FORMED, null, "The partnership has not been formed.");
        }
        if (state.status() == Status.CLOSED && !(event instanceof EventVoided)) {
            throw broken(Rule.PARTNERSHIP_CLOSED, state.id().toString(),
                    "Partnership " + state.id() + " closed on " + state.closure().closedOn()
                            + "; only EventVoided may follow.");
        }
        if (Partnership.dayOf(proposed.occurredAt()).isBefore(state.formedOn())) {
            throw broken(Rule.OCCURRED_BEFORE_FORMATION, proposed.eventId() == null ? null
                    : proposed.eventId().toString(), "occurredAt " + proposed.occurredAt()
                            + " is before the partnership was formed on " + state.formedOn() + ".");
        }
        switch (event) {
            case PartnershipFormed formed -> throw new IllegalStateException("handled above");
            case PartnerJoined joined -> {
                if (state.isPartner(joined.orgId())) {
                    throw broken(Rule.ALREADY_A_PARTNER, joined.orgId(),
                            "Organisation " + joined.orgId() + " is already a partner.");
                }
            }
            case PartnerLeft left -> {
                requirePartner(state, left.orgId());
                if (state.partners().size() <= 2) {
                    throw broken(Rule.TOO_FEW_PARTNERS, left.orgId(), "Organisation " + left.orgId()
                            + " cannot leave: at least two partners must remain.");
                }
            }
            case PartnershipTypeConfirmed confirmed -> requirePartner(state, confirmed.orgId());
            case MeetingHeld meeting -> requirePartners(state, meeting.attendingOrgs());
            case TrustSurveyRecorded survey -> {
                requirePartner(state, survey.respondentOrg());
                requirePartner(state, survey.ratedOrg());
                if (state.surveyResponses().contains(survey.responseKey())) {
                    throw broken(Rule.SURVEY_RESPONSE_EXISTS, survey.surveyId(), "Survey " + survey.surveyId()
                            + " already has " + survey.respondentOrg() + "'s rating of " + survey.ratedOrg() + ".");
                }
            }
            case SharedGoalAgreed agreed -> {
                if (state.goal(agreed.goalId()).isPresent()) {
                    throw broken(Rule.GOAL_EXISTS, agreed.goalId(), "Goal " + agreed.goalId() + " already exists.");
                }
                requirePartners(state, agreed.endorsedBy());
                if (agreed.primary() && state.activePrimaryGoal().isPresent()) {
                    var primary = state.activePrimaryGoal().get().goalId();
                    throw broken(Rule.PRIMARY_GOAL_EXISTS, primary,
                            "Goal " + primary + " is the active primary goal; retire or revise it first.");
                }
            }
            case SharedGoalRevised revised -> {
                requireActiveGoal(state, revised.goalId());
                requirePartners(state, revised.endorsedBy());
            }
            case SharedGoalRetired retired -> requireActiveGoal(state, retired.goalId());
            case CapabilityAssessmentHeld assessment -> requirePartners(state, assessment.orgIds());
            case HealthCheckCompleted check -> {
                // Calibrates health; nothing in the state constrains it.
            }
            case AgreementSigned signed -> {
                if (state.agreement(signed.agreementId()).isPresent()) {
                    throw broken(Rule.AGREEMENT_EXISTS, signed.agreementId(),
                            "Agreement " + signed.agreementId() + " was already signed.");
                }
                requirePartners(state, signed.signatories());
            }
            case AgreementEnded ended -> {
                var agreement = state.agreement(ended.agreementId()).orElseThrow(() -> broken(Rule.UNKNOWN_AGREEMENT,
                        ended.agreementId(), "No agreement " + ended.agreementId() + " was signed."));
                if (!agreement.inForce()) {
                    throw broken(Rule.AGREEMENT_NOT_IN_FORCE, ended.agreementId(),
                            "Agreement " + ended.agreementId() + " already ended on " + agreement.endedOn() + ".");
                }
            }
            case ChairAppointed chair -> requireOptionalPartner(state, chair.orgId());
            case LeadershipChanged change -> requireOptionalPartner(state, change.orgId());
            case FundingSecured secured -> {
                if (state.funding(secured.fundingId()).isPresent()) {
                    throw broken(Rule.FUNDING_EXISTS, secured.fundingId(),
                            "Funding " + secured.fundingId() + " was already secured.");
                }
            }
            case ContinuationPlanRecorded plan -> {
                for (var fundingId : plan.fundingIds()) {
                    requireFunding(state, fundingId);
                }
            }
            case FundingEnded ended -> {
                if (!requireFunding(state, ended.fundingId()).active()) {
                    throw broken(Rule.FUNDING_NOT_ACTIVE, ended.fundingId(),
                            "Funding " + ended.fundingId() + " already ended.");
                }
            }
            case ResourceCommitted committed -> requirePartner(state, committed.orgId());
            case MeasureDefined defined -> {
                if (state.measure(defined.measureId()).isPresent()) {
                    throw broken(Rule.MEASURE_EXISTS, defined.measureId(),
                            "Measure " + defined.measureId() + " was already defined.");
                }
                requireActiveGoal(state, defined.goalId());
                requirePartner(state, defined.ownerOrg());
            }
            case MeasureRecorded recorded -> {
                var measure = requireActiveMeasure(state, recorded.measureId());
                if (measure.recordedPeriods().contains(recorded.periodEnd())) {
                    throw broken(Rule.MEASURE_PERIOD_RECORDED, recorded.measureId(), "Measure "
                            + recorded.measureId() + " already has a value for the period ending "
                            + recorded.periodEnd() + ".");
                }
            }
            case MeasureRetired retired -> requireActiveMeasure(state, retired.measureId());
            case MilestoneSet set -> {
                if (state.milestone(set.milestoneId()).isPresent()) {
                    throw broken(Rule.MILESTONE_EXISTS, set.milestoneId(),
                            "Milestone " + set.milestoneId() + " was already set.");
                }
                if (set.goalId() != null) {
                    requireGoal(state, set.goalId());
                }
            }
            case MilestoneReached reached -> requireOpenMilestone(state, reached.milestoneId());
            case MilestoneRescheduled rescheduled -> requireOpenMilestone(state, rescheduled.milestoneId());
            case PilotStarted started -> {
                if (state.pilot(started.pilotId()).isPresent()) {
                    throw broken(Rule.PILOT_EXISTS, started.pilotId(),
                            "Pilot " + started.pilotId() + " was already started.");
                }
            }
            case PilotScaled scaled -> state.pilot(scaled.pilotId()).orElseThrow(() -> broken(Rule.UNKNOWN_PILOT,
                    scaled.pilotId(), "No pilot " + scaled.pilotId() + " was started."));
            case RiskRaised raised -> {
                if (state.risk(raised.riskId()).isPresent()) {
                    throw broken(Rule.RISK_EXISTS, raised.riskId(), "Risk " + raised.riskId() + " was already raised.");
                }
            }
            case RiskResolved resolved -> {
                var risk = state.risk(resolved.riskId()).orElseThrow(() -> broken(Rule.UNKNOWN_RISK,
                        resolved.riskId(), "No risk " + resolved.riskId() + " was raised."));
                if (!risk.open()) {
                    throw broken(Rule.RISK_NOT_OPEN, resolved.riskId(),
                            "Risk " + resolved.riskId() + " was already resolved.");
                }
            }
            case PartnershipPaused paused -> {
                if (state.status() == Status.PAUSED) {
                    throw broken(Rule.ALREADY_PAUSED, state.id().toString(),
                            "The partnership has been paused since " + state.pause().pausedOn() + ".");
                }
            }
            case PartnershipResumed resumed -> {
                if (state.status() != Status.PAUSED) {
                    throw broken(Rule.NOT_PAUSED, state.id().toString(), "The partnership is not paused.");
                }
            }
            case PartnershipClosed closed -> {
                // Closing is always possible; what follows is restricted above.
            }
            case EventVoided voided -> throw new IllegalArgumentException("voids are decided against the history");
        }
    }

    /** The state after {@code event}, recorded as stream version {@code version}. */
    public static Partnership evolve(Partnership state, UUID partnershipId, long version, Instant occurredAt,
            PartnershipEvent event) {
        var on = Partnership.dayOf(occurredAt);
        var s = state == null ? new Draft() : state.draft();
        s.version = version;
        switch (event) {
            case PartnershipFormed formed -> {
                s.id = partnershipId;
                s.name = formed.name();
                s.partnershipType = formed.partnershipType();
                s.problemStatement = formed.problemStatement();
                s.formedOn = on;
                formed.foundingPartners().forEach(o -> s.partners.add(
                        new Partner(o.orgId(), o.name(), o.sector(), null, null, on, null)));
            }
            case PartnerJoined joined -> s.partners.add(new Partner(joined.orgId(), joined.name(), joined.sector(),
                    joined.role(), joined.contribution(), on, null));
            case PartnerLeft left -> {
                var partner = s.partners.stream().filter(p -> p.orgId().equals(left.orgId())).findFirst().orElseThrow();
                s.partners.remove(partner);
                s.formerPartners.add(new FormerPartner(partner.orgId(), partner.name(), on, left.reason()));
            }
            case PartnershipTypeConfirmed confirmed -> s.partners.replaceAll(p -> p.orgId().equals(confirmed.orgId())
                    ? new Partner(p.orgId(), p.name(), p.sector(), p.role(), p.contribution(), p.joinedOn(),
                            confirmed.understoodType())
                    : p);
            case MeetingHeld meeting -> {
                // Meetings build trust and engagement: read by the health view from the events.
            }
            case TrustSurveyRecorded survey -> s.surveyResponses.add(survey.responseKey());
            case SharedGoalAgreed agreed -> s.goals.add(new Goal(agreed.goalId(), agreed.statement(), agreed.primary(),
                    List.copyOf(agreed.endorsedBy()), on, on, true, null));
            case SharedGoalRevised revised -> Draft.put(s.goals, g -> g.goalId().equals(revised.goalId()),
                    revise(state.goal(revised.goalId()).orElseThrow(), revised, on));
            case SharedGoalRetired retired -> {
                var g = state.goal(retired.goalId()).orElseThrow();
                Draft.put(s.goals, x -> x.goalId().equals(g.goalId()), new Goal(g.goalId(), g.statement(), g.primary(),
                        g.endorsedBy(), g.agreedOn(), g.lastRevisedOn(), false, retired.reason()));
            }
            case CapabilityAssessmentHeld assessment -> s.lastCapabilityAssessment = new CapabilityAssessment(on,
                    List.copyOf(assessment.orgIds()), assessment.chiefExecutivesPresent());
            case HealthCheckCompleted check -> {
                // Calibrates the health view; read from the events.
            }
            case AgreementSigned signed -> s.agreements.add(new Agreement(signed.agreementId(), signed.kind(),
                    List.copyOf(signed.signatories()), signed.effectiveOn(), signed.reviewBy(),
                    signed.covers() == null ? List.of() : List.copyOf(signed.covers()), true, null, null));
            case AgreementEnded ended -> {
                var a = state.agreement(ended.agreementId()).orElseThrow();
                Draft.put(s.agreements, x -> x.agreementId().equals(a.agreementId()), new Agreement(a.agreementId(),
                        a.kind(), a.signatories(), a.effectiveOn(), a.reviewBy(), a.covers(), false, on, ended.reason()));
            }
            case ChairAppointed chair -> s.chair = new Chair(chair.role(), chair.personRef(), chair.orgId(), on);
            case LeadershipChanged change -> Draft.put(s.leadership,
                    p -> java.util.Objects.equals(p.orgId(), change.orgId()) && p.role() == change.role(),
                    new Post(change.orgId(), change.role(), change.incomingRef(), change.effectiveOn(),
                            change.handoverHeld()));
            case FundingSecured secured -> s.fundings.add(new Funding(secured.fundingId(), secured.funder().funderId(),
                    secured.funder().name(), secured.funder().kind(), secured.amount(), secured.currency(),
                    secured.startsOn(), secured.endsOn(), secured.coreCosts(), on, true, null, null));
            case ContinuationPlanRecorded plan -> Draft.put(s.plans, p -> p.planId().equals(plan.planId()),
                    new ContinuationPlan(plan.planId(), List.copyOf(plan.fundingIds()), plan.route(), plan.status(),
                            plan.staffFte(), on));
            case FundingEnded ended -> {
                var f = state.funding(ended.fundingId()).orElseThrow();
                Draft.put(s.fundings, x -> x.fundingId().equals(f.fundingId()), new Funding(f.fundingId(),
                        f.funderId(), f.funderName(), f.funderKind(), f.amount(), f.currency(), f.startsOn(),
                        f.endsOn(), f.coreCosts(), f.securedOn(), false, on, ended.early()));
            }
            case ResourceCommitted committed -> s.resources.add(new Commitment(committed.orgId(), committed.kind(),
                    committed.amount(), committed.from(), committed.to()));
            case MeasureDefined defined -> s.measures.add(new Measure(defined.measureId(), defined.goalId(),
                    defined.ownerOrg(), defined.name(), defined.baseline(), defined.direction(), defined.target(),
                    defined.cadence(), true, List.of(), null, null));
            case MeasureRecorded recorded -> {
                var m = state.measure(recorded.measureId()).orElseThrow();
                var periods = new ArrayList<>(m.recordedPeriods());
                periods.add(recorded.periodEnd());
                periods.sort(null);
                boolean latest = m.latestPeriodEnd() == null || !recorded.periodEnd().isBefore(m.latestPeriodEnd());
                Draft.put(s.measures, x -> x.measureId().equals(m.measureId()), new Measure(m.measureId(), m.goalId(),
                        m.ownerOrg(), m.name(), m.baseline(), m.direction(), m.target(), m.cadence(), m.active(),
                        List.copyOf(periods), latest ? recorded.periodEnd() : m.latestPeriodEnd(),
                        latest ? recorded.value() : m.latestValue()));
            }
            case MeasureRetired retired -> {
                var m = state.measure(retired.measureId()).orElseThrow();
                Draft.put(s.measures, x -> x.measureId().equals(m.measureId()), new Measure(m.measureId(), m.goalId(),
                        m.ownerOrg(), m.name(), m.baseline(), m.direction(), m.target(), m.cadence(), false,
                        m.recordedPeriods(), m.latestPeriodEnd(), m.latestValue()));
            }
            case MilestoneSet set -> s.milestones.add(new Milestone(set.milestoneId(), set.title(), set.dueOn(),
                    set.goalId(), MilestoneStatus.OPEN, null));
            case MilestoneReached reached -> {
                var m = state.milestone(reached.milestoneId()).orElseThrow();
                Draft.put(s.milestones, x -> x.milestoneId().equals(m.milestoneId()), new Milestone(m.milestoneId(),
                        m.title(), m.dueOn(), m.goalId(), MilestoneStatus.REACHED, on));
            }
            case MilestoneRescheduled rescheduled -> {
                var m = state.milestone(rescheduled.milestoneId()).orElseThrow();
                Draft.put(s.milestones, x -> x.milestoneId().equals(m.milestoneId()), new Milestone(m.milestoneId(),
                        m.title(), rescheduled.drops() ? m.dueOn() : rescheduled.dueOn(), m.goalId(),
                        rescheduled.drops() ? MilestoneStatus.DROPPED : MilestoneStatus.OPEN, null));
            }
            case PilotStarted started -> s.pilots.add(new Pilot(started.pilotId(), started.location(),
                    started.startsOn(), List.of()));
            case PilotScaled scaled -> {
                var p = state.pilot(scaled.pilotId()).orElseThrow();
                var scaledTo = new ArrayList<>(p.scaledTo());
                scaledTo.add(new Scaling(scaled.newLocation(), scaled.kind(), on));
                Draft.put(s.pilots, x -> x.pilotId().equals(p.pilotId()),
                        new Pilot(p.pilotId(), p.location(), p.startsOn(), List.copyOf(scaledTo)));
            }
            case RiskRaised raised -> s.risks.add(new Risk(raised.riskId(), raised.category(), raised.likelihood(),
                    raised.impact(), on, true, null, null));
            case RiskResolved resolved -> {
                var r = state.risk(resolved.riskId()).orElseThrow();
                Draft.put(s.risks, x -> x.riskId().equals(r.riskId()), new Risk(r.riskId(), r.category(),
                        r.likelihood(), r.impact(), r.raisedOn(), false, on, resolved.outcome()));
            }
            case PartnershipPaused paused -> {
                s.status = Status.PAUSED;
                s.pause = new Pause(on, paused.expectedResumeOn(), paused.reason());
            }
            case PartnershipResumed resumed -> {
                s.status = Status.ACTIVE;
                s.pause = null;
            }
            case PartnershipClosed closed -> {
                s.status = Status.CLOSED;
                s.closure = new Closure(on, closed.reason());
            }
            case EventVoided voided -> throw new IllegalArgumentException(
                    "a void is applied by folding the stream without the voided event");
        }
        return s.build();
    }

    private static Goal revise(Goal g, SharedGoalRevised revised, LocalDate on) {
        var statement = revised.change() == SharedGoalRevised.Change.REAFFIRMED && revised.statement() == null
                ? g.statement() : revised.statement();
        return new Goal(g.goalId(), statement, g.primary(), List.copyOf(revised.endorsedBy()), g.agreedOn(), on, true,
                null);
    }

    /**
     * The state a stream folds to, leaving out every voided event: voiding an event and folding
     * again equals never having recorded it. The version is the stream's.
     */
    public static Partnership fold(UUID partnershipId, List<HistoricEvent> history) {
        var voided = voidedIds(history);
        Partnership state = null;
        long version = 0;
        for (var e : history) {
            version = e.version();
            if (!(e.payload() instanceof EventVoided) && !voided.contains(e.eventId())) {
                state = evolve(state, partnershipId, e.version(), e.occurredAt(), e.payload());
            }
        }
        return state == null ? null : withVersion(state, version);
    }

    /**
     * Checks a void against the stream so far and answers the state after it: the event named
     * must be an earlier one of this partnership, not already voided, not the formation, not a
     * void; and the events after it must still obey the rules without it.
     */
    public static Partnership decideVoid(UUID partnershipId, List<HistoricEvent> history, ProposedEvent proposed) {
        var voiding = (EventVoided) proposed.payload();
        var target = history.stream().filter(e -> e.eventId().equals(voiding.voidedEventId())).findFirst()
                .orElseThrow(() -> broken(Rule.UNKNOWN_EVENT, voiding.voidedEventId().toString(),
                        "No event " + voiding.voidedEventId() + " is in this partnership's stream."));
        switch (target.payload()) {
            case PartnershipFormed f -> throw broken(Rule.FORMATION_CANNOT_BE_VOIDED, target.eventId().toString(),
                    "The formation of the partnership cannot be voided.");
            case EventVoided v -> throw broken(Rule.VOID_CANNOT_BE_VOIDED, target.eventId().toString(),
                    "Event " + target.eventId() + " is itself a void.");
            default -> { }
        }
        var voided = voidedIds(history);
        if (voided.contains(target.eventId())) {
            throw broken(Rule.EVENT_ALREADY_VOIDED, target.eventId().toString(),
                    "Event " + target.eventId() + " was already voided.");
        }
        voided.add(target.eventId());
        Partnership state = null;
        for (var e : history) {
            if (e.payload() instanceof EventVoided || voided.contains(e.eventId())) {
                continue;
            }
            try {
                decide(state, new ProposedEvent(e.eventId(), e.occurredAt(), e.payload()));
            } catch (RuleBroken dependent) {
                throw broken(Rule.VOID_BREAKS_HISTORY, e.eventId().toString(), "Without event " + target.eventId()
                        + ", later event " + e.eventId() + " would break a rule: " + dependent.getMessage());
            }
            state = evolve(state, partnershipId, e.version(), e.occurredAt(), e.payload());
        }
        long version = history.isEmpty() ? 0 : history.get(history.size() - 1).version();
        return withVersion(state, version + 1);
    }

    private static Set<UUID> voidedIds(List<HistoricEvent> history) {
        var voided = new HashSet<UUID>();
        for (var e : history) {
            if (e.payload() instanceof EventVoided v) {
                voided.add(v.voidedEventId());
            }
        }
        return voided;
    }

    private static Partnership withVersion(Partnership state, long version) {
        var d = state.draft();
        d.version = version;
        return d.build();
    }

    private static void requirePartner(Partnership state, String orgId) {
        if (!state.isPartner(orgId)) {
            throw broken(Rule.NOT_A_PARTNER, orgId,
                    "Organisation " + orgId + " is not a current partner of this partnership.");
        }
    }

    private static void requireOptionalPartner(Partnership state, String orgId) {
        if (orgId != null) {
            requirePartner(state, orgId);
        }
    }

    private static void requirePartners(Partnership state, Collection<String> orgIds) {
        for (var orgId : orgIds) {
            requirePartner(state, orgId);
        }
    }

    private static Goal requireGoal(Partnership state, String goalId) {
        return state.goal(goalId).orElseThrow(() -> broken(Rule.UNKNOWN_GOAL, goalId,
                "No goal " + goalId + " was agreed in this partnership."));
    }

    private static void requireActiveGoal(Partnership state, String goalId) {
        if (!requireGoal(state, goalId).active()) {
            throw broken(Rule.GOAL_NOT_ACTIVE, goalId, "Goal " + goalId + " was retired.");
        }
    }

    private static Funding requireFunding(Partnership state, String fundingId) {
        return state.funding(fundingId).orElseThrow(() -> broken(Rule.UNKNOWN_FUNDING, fundingId,
                "No funding " + fundingId + " was secured in this partnership."));
    }

    private static Measure requireActiveMeasure(Partnership state, String measureId) {
        var measure = state.measure(measureId).orElseThrow(() -> broken(Rule.UNKNOWN_MEASURE, measureId,
                "No measure " + measureId + " was defined in this partnership."));
        if (!measure.active()) {
            throw broken(Rule.MEASURE_NOT_ACTIVE, measureId, "Measure " + measureId + " was retired.");
        }
        return measure;
    }

    private static void requireOpenMilestone(Partnership state, String milestoneId) {
        var milestone = state.milestone(milestoneId).orElseThrow(() -> broken(Rule.UNKNOWN_MILESTONE, milestoneId,
                "No milestone " + milestoneId + " was set in this partnership."));
        if (milestone.status() != MilestoneStatus.OPEN) {
            throw broken(Rule.MILESTONE_NOT_OPEN, milestoneId,
                    "Milestone " + milestoneId + " was already " + milestone.status().name().toLowerCase() + ".");
        }
    }

    private static RuleBroken broken(Rule rule, String offendingId, String detail) {
        return new RuleBroken(rule, offendingId, detail);
    }
}
