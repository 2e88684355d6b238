package org.rapport.api;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the contract tells a form about each event type and field, so that a client can build its
 * forms from the payload schemas alone: a title in the words of a partnership manager, the group an
 * event type belongs to, where a field's choices come from in the partnership's state
 * ({@code x-rapport-choices}), and which id the event itself introduces ({@code x-rapport-new-id}),
 * which a form generates rather than asks for.
 */
final class EventForms {

    static final String CHOICES = "x-rapport-choices";
    static final String NEW_ID = "x-rapport-new-id";
    static final String GROUP = "x-rapport-group";
    /** The title of an object-valued field, kept out of {@code title}, which would rename generated models. */
    static final String TITLE = "x-rapport-title";

    /** The collections of {@code GET /partnerships/{id}} (and its events) a field may choose from. */
    enum Choices {
        partners, goals, fundings, measures, milestones, risks, agreements, pilots, events
    }

    /** Each type as the thing that happened, the title of its form. */
    private static final Map<String, String> TYPE_TITLES = Map.ofEntries(
            entry("PartnershipFormed", "The partnership formed"),
            entry("PartnerJoined", "A partner joined"),
            entry("PartnerLeft", "A partner left"),
            entry("PartnershipTypeConfirmed", "A partner said how it understands the partnership"),
            entry("SharedGoalAgreed", "A shared goal agreed"),
            entry("SharedGoalRevised", "A shared goal revisited"),
            entry("SharedGoalRetired", "A shared goal retired"),
            entry("MeetingHeld", "A meeting held"),
            entry("TrustSurveyRecorded", "One trust survey answer"),
            entry("HealthCheckCompleted", "A partnership health check completed"),
            entry("AgreementSigned", "An agreement signed"),
            entry("AgreementEnded", "An agreement ended"),
            entry("ChairAppointed", "A chair or facilitator appointed"),
            entry("LeadershipChanged", "A leadership change"),
            entry("CapabilityAssessmentHeld", "A capability assessment held"),
            entry("FundingSecured", "Funding secured"),
            entry("FundingEnded", "Funding ended"),
            entry("ContinuationPlanRecorded", "A plan to continue after funding ends"),
            entry("ResourceCommitted", "Resources committed by a partner"),
            entry("MeasureDefined", "A measure of success defined"),
            entry("MeasureRecorded", "A measure's value recorded"),
            entry("MeasureRetired", "A measure retired"),
            entry("MilestoneSet", "A milestone set"),
            entry("MilestoneReached", "A milestone reached"),
            entry("MilestoneRescheduled", "A milestone rescheduled or dropped"),
            entry("RiskRaised", "A risk raised"),
            entry("RiskResolved", "A risk resolved"),
            entry("PilotStarted", "A pilot started"),
            entry("PilotScaled", "A pilot scaled up"),
            entry("PartnershipPaused", "The partnership paused"),
            entry("PartnershipResumed", "The partnership resumed"),
            entry("PartnershipClosed", "The partnership closed"),
            entry("EventVoided", "A record made by mistake, voided"));

    /** The groups a form's list of event types is arranged in, in the order a manager meets them. */
    static final List<String> GROUPS = List.of("Meetings and trust", "Goals and measures", "Funding and resources",
            "Governance and leadership", "Partners", "Risks, milestones and pilots", "The partnership itself");

    private static final Map<String, String> TYPE_GROUPS = Map.ofEntries(
            entry("MeetingHeld", GROUPS.get(0)), entry("TrustSurveyRecorded", GROUPS.get(0)),
            entry("HealthCheckCompleted", GROUPS.get(0)),
            entry("SharedGoalAgreed", GROUPS.get(1)), entry("SharedGoalRevised", GROUPS.get(1)),
            entry("SharedGoalRetired", GROUPS.get(1)), entry("MeasureDefined", GROUPS.get(1)),
            entry("MeasureRecorded", GROUPS.get(1)), entry("MeasureRetired", GROUPS.get(1)),
            entry("FundingSecured", GROUPS.get(2)), entry("FundingEnded", GROUPS.get(2)),
            entry("ContinuationPlanRecorded", GROUPS.get(2)), entry("ResourceCommitted", GROUPS.get(2)),
            entry("AgreementSigned", GROUPS.get(3)), entry("AgreementEnded", GROUPS.get(3)),
            entry("ChairAppointed", GROUPS.get(3)), entry("LeadershipChanged", GROUPS.get(3)),
            entry("CapabilityAssessmentHeld", GROUPS.get(3)),
            entry("PartnerJoined", GROUPS.get(4)), entry("PartnerLeft", GROUPS.get(4)),
            entry("PartnershipTypeConfirmed", GROUPS.get(4)),
            entry("RiskRaised", GROUPS.get(5)), entry("RiskResolved", GROUPS.get(5)),
            entry("MilestoneSet", GROUPS.get(5)), entry("MilestoneReached", GROUPS.get(5)),
            entry("MilestoneRescheduled", GROUPS.get(5)), entry("PilotStarted", GROUPS.get(5)),
            entry("PilotScaled", GROUPS.get(5)),
            entry("PartnershipFormed", GROUPS.get(6)), entry("PartnershipPaused", GROUPS.get(6)),
            entry("PartnershipResumed", GROUPS.get(6)), entry("PartnershipClosed", GROUPS.get(6)),
            entry("EventVoided", GROUPS.get(6)));

    /** Field titles by name; {@code Type.field} or {@code parent.field} where one name means more than one thing. */
    private static final Map<String, String> FIELD_TITLES = Map.ofEntries(
            entry("agreementId", "Agreement"), entry("amount", "Amount"),
            entry("ResourceCommitted.amount", "Amount (staff FTE, cash or value in kind)"),
            entry("attendees", "Who attended"), entry("attendees.orgId", "Organisation (none: independent)"),
            entry("attendees.personRef", "Person (a reference, not a name)"), entry("attendees.seniority", "Seniority"),
            entry("baseline", "Value at the start"), entry("cadence", "How often it is recorded"),
            entry("category", "Kind of risk"), entry("change", "What changed"),
            entry("chiefExecutivesPresent", "Chief executives took part"), entry("contribution", "What it brings"),
            entry("coreCosts", "Pays for core costs"), entry("covers", "What it covers"),
            entry("currency", "Currency (e.g. GBP)"), entry("direction", "Better is"),
            entry("dropped", "Dropped altogether"), entry("dueOn", "Due on"), entry("early", "Ended early"),
            entry("effectiveOn", "In effect from"), entry("endorsedBy", "Endorsed by"), entry("endsOn", "Ends on"),
            entry("expectedResumeOn", "Expected to resume on"), entry("factorScores", "Scores by factor"),
            entry("factorScores.code", "Factor"), entry("factorScores.mean", "Mean score"),
            entry("factorScores.n", "Answers"), entry("factorScores.dimension", "Dimension it informs"),
            entry("format", "Format"), entry("foundingPartners", "Founding partners"),
            entry("foundingPartners.orgId", "Organisation's reference"), entry("foundingPartners.name", "Name"),
            entry("foundingPartners.sector", "Sector"), entry("from", "From"), entry("funder", "Funder"),
            entry("funder.funderId", "Funder's reference in the funder registry"),
            entry("funder.name", "Funder's name"), entry("funder.kind", "Kind of funder"),
            entry("fundingId", "Funding"), entry("fundingIds", "Funding it continues"), entry("goalId", "Goal"),
            entry("MeasureDefined.goalId", "Towards the goal"), entry("MilestoneSet.goalId", "Towards the goal"),
            entry("handoverHeld", "A handover was held"), entry("impact", "Impact (1 low to 5 high)"),
            entry("incomingRef", "Who takes the post (a reference; empty if it is vacant)"),
            entry("instrument", "Instrument"), entry("kind", "Kind"),
            entry("likelihood", "Likelihood (1 low to 5 high)"), entry("location", "Where"),
            entry("location.name", "Place"), entry("location.code", "Area code"), entry("newLocation", "Where next"),
            entry("newLocation.name", "Place"), entry("newLocation.code", "Area code"), entry("measureId", "Measure"), entry("milestoneId", "Milestone"),
            entry("name", "Name"), entry("PartnerJoined.orgId", "Organisation's reference"),
            entry("orgId", "Organisation"), entry("LeadershipChanged.orgId", "Organisation (none: the partnership's own post)"),
            entry("ChairAppointed.orgId", "Organisation (none: independent)"),
            entry("orgIds", "Organisations assessed"), entry("outcome", "Outcome"), entry("ownerOrg", "Owned by"),
            entry("partnershipType", "Kind of partnership"), entry("periodEnd", "For the period ending"),
            entry("personRef", "Person (a reference, not a name)"), entry("pilotId", "Pilot"), entry("planId", "Plan"),
            entry("primary", "The partnership's primary goal"), entry("problemStatement", "The problem it tackles"),
            entry("ratedOrg", "Partner rated"), entry("reason", "Reason"), entry("respondentOrg", "Answering organisation"),
            entry("respondents", "People who answered"), entry("reviewBy", "Review by"), entry("riskId", "Risk"),
            entry("role", "Role"), entry("route", "Route to continue"), entry("scaleMax", "Highest answer on the scale"),
            entry("scaleMin", "Lowest answer on the scale"), entry("sector", "Sector"), entry("signatories", "Signed by"),
            entry("staffFte", "Staff kept on (FTE)"), entry("startsOn", "Starts on"), entry("statement", "Statement"),
            entry("SharedGoalRevised.statement", "New statement (empty: unchanged)"), entry("status", "Status"),
            entry("surveyId", "Survey round"), entry("target", "Target (optional)"), entry("title", "Title"),
            entry("to", "To"), entry("trust", "Trust: we trust them to act in the partnership's interest (1 to 5)"),
            entry("reliability", "Reliability: they do what they say (1 to 5)"),
            entry("openness", "Openness: they share information freely (1 to 5)"),
            entry("sharedInterest", "Shared interest: they want what we want (1 to 5)"),
            entry("understoodType", "Kind of partnership, as this partner understands it"), entry("value", "Value"),
            entry("voidedEventId", "The record made by mistake"));

    private static final Map<String, Choices> FIELD_CHOICES = Map.ofEntries(
            entry("orgId", Choices.partners), entry("attendees.orgId", Choices.partners),
            entry("ownerOrg", Choices.partners), entry("respondentOrg", Choices.partners),
            entry("ratedOrg", Choices.partners), entry("signatories", Choices.partners),
            entry("endorsedBy", Choices.partners), entry("orgIds", Choices.partners),
            entry("goalId", Choices.goals), entry("fundingId", Choices.fundings), entry("fundingIds", Choices.fundings),
            entry("measureId", Choices.measures), entry("milestoneId", Choices.milestones),
            entry("riskId", Choices.risks), entry("agreementId", Choices.agreements), entry("pilotId", Choices.pilots),
            entry("voidedEventId", Choices.events));

    /** The id each of these types introduces: a new one, never a choice among those that exist. */
    private static final Map<String, String> NEW_IDS = Map.ofEntries(
            entry("PartnerJoined", "orgId"), entry("SharedGoalAgreed", "goalId"), entry("FundingSecured", "fundingId"),
            entry("MeasureDefined", "measureId"), entry("MilestoneSet", "milestoneId"), entry("RiskRaised", "riskId"),
            entry("AgreementSigned", "agreementId"), entry("PilotStarted", "pilotId"),
            entry("ContinuationPlanRecorded", "planId"), entry("TrustSurveyRecorded", "surveyId"));

    /** Ids a person gives (an organisation's own reference), not ones a form makes up. */
    private static final Set<String> GIVEN_IDS = Set.of("PartnerJoined.orgId");

    private EventForms() {
    }

    static String typeTitle(String type) {
        return TYPE_TITLES.getOrDefault(type, type);
    }

    static String group(String type) {
        return TYPE_GROUPS.getOrDefault(type, GROUPS.get(GROUPS.size() - 1));
    }

    /** The field's title: by type, then by its parent field, then by its own name. */
    static Optional<String> fieldTitle(String type, String parent, String field) {
        return Optional.ofNullable(FIELD_TITLES.get(type + "." + field))
                .or(() -> Optional.ofNullable(parent == null ? null : FIELD_TITLES.get(parent + "." + field)))
                .or(() -> Optional.ofNullable(FIELD_TITLES.get(field)));
    }

    /** The collection a field chooses from, unless it is the id the type introduces. */
    static Optional<Choices> choices(String type, String parent, String field) {
        if (parent == null && isNewId(type, field)) {
            return Optional.empty();
        }
        return Optional.ofNullable(parent == null ? null : FIELD_CHOICES.get(parent + "." + field))
                .or(() -> Optional.ofNullable(parent == null ? FIELD_CHOICES.get(field) : null));
    }

    /** Whether the field is the id this type introduces, which a form generates. */
    static boolean generatesId(String type, String field) {
        return isNewId(type, field) && !GIVEN_IDS.contains(type + "." + field);
    }

    private static boolean isNewId(String type, String field) {
        return field.equals(NEW_IDS.get(type));
    }
}
