package org.rapport.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that knows the event types: each one's stored name and current schema version.
 * Stored names are explicit strings, independent of the Java class that carries the payload.
 */
public final class EventCatalog {

    public record EventType(String name, int schemaVersion, Class<? extends PartnershipEvent> payloadClass) {
    }

    private static final List<EventType> TYPES = List.of(
            new EventType("PartnershipFormed", 1, PartnershipFormed.class),
            new EventType("PartnerJoined", 1, PartnerJoined.class),
            new EventType("PartnerLeft", 1, PartnerLeft.class),
            new EventType("PartnershipTypeConfirmed", 1, PartnershipTypeConfirmed.class),
            new EventType("MeetingHeld", 1, MeetingHeld.class),
            new EventType("TrustSurveyRecorded", 1, TrustSurveyRecorded.class),
            new EventType("SharedGoalAgreed", 1, SharedGoalAgreed.class),
            new EventType("SharedGoalRevised", 1, SharedGoalRevised.class),
            new EventType("CapabilityAssessmentHeld", 1, CapabilityAssessmentHeld.class),
            new EventType("HealthCheckCompleted", 1, HealthCheckCompleted.class),
            new EventType("AgreementSigned", 1, AgreementSigned.class),
            new EventType("ChairAppointed", 1, ChairAppointed.class),
            new EventType("LeadershipChanged", 1, LeadershipChanged.class),
            new EventType("FundingSecured", 1, FundingSecured.class),
            new EventType("ContinuationPlanRecorded", 1, ContinuationPlanRecorded.class),
            new EventType("FundingEnded", 1, FundingEnded.class),
            new EventType("ResourceCommitted", 1, ResourceCommitted.class),
            new EventType("MeasureDefined", 1, MeasureDefined.class),
            new EventType("MeasureRecorded", 1, MeasureRecorded.class),
            new EventType("MilestoneSet", 1, MilestoneSet.class),
            new EventType("MilestoneReached", 1, MilestoneReached.class),
            new EventType("PilotStarted", 1, PilotStarted.class),
            new EventType("PilotScaled", 1, PilotScaled.class),
            new EventType("RiskRaised", 1, RiskRaised.class),
            new EventType("RiskResolved", 1, RiskResolved.class),
            new EventType("PartnershipPaused", 1, PartnershipPaused.class),
            new EventType("PartnershipResumed", 1, PartnershipResumed.class),
            new EventType("PartnershipClosed", 1, PartnershipClosed.class),
            new EventType("EventVoided", 1, EventVoided.class),
            new EventType("SharedGoalRetired", 1, SharedGoalRetired.class),
            new EventType("MeasureRetired", 1, MeasureRetired.class),
            new EventType("MilestoneRescheduled", 1, MilestoneRescheduled.class),
            new EventType("AgreementEnded", 1, AgreementEnded.class));

    private static final Map<String, EventType> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return TYPES;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The stored type of a trust-survey response: who rated whom. Funders see trust scores, never
     * these (who may see them is the access policy's rule).
     */
    public static final String SURVEY_RESPONSE = "TrustSurveyRecorded";

    public static boolean isSurveyResponse(String type) {
        return SURVEY_RESPONSE.equals(type);
    }

    public static EventType of(PartnershipEvent event) {
        return BY_CLASS.get(event.getClass());
    }
}
