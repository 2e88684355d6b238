package org.rapport.domain;

/**
 * What happened in a partnership: the payload of one stored event, in the past tense.
 *
 * <p>The stored name and schema version of each type live in {@link EventCatalog}, never in a Java
 * class name, so renaming a record never breaks history.
 */
public sealed interface PartnershipEvent permits PartnershipFormed, PartnerJoined, PartnerLeft, PartnershipTypeConfirmed, MeetingHeld, TrustSurveyRecorded,
        SharedGoalAgreed, SharedGoalRevised, CapabilityAssessmentHeld, HealthCheckCompleted, AgreementSigned, ChairAppointed, LeadershipChanged,
        FundingSecured, ContinuationPlanRecorded, FundingEnded, ResourceCommitted, MeasureDefined, MeasureRecorded, MilestoneSet,
        MilestoneReached, PilotStarted, PilotScaled, RiskRaised, RiskResolved, PartnershipPaused, PartnershipResumed,
        PartnershipClosed, EventVoided, SharedGoalRetired, MeasureRetired, MilestoneRescheduled, AgreementEnded {

    /** Checks that need no state: types, ranges, enums, required fields. */
    void validate(Validation v);
}
