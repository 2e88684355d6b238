package org.rapport.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One example request per event type, for the API documentation. In this order they tell one
 * partnership's story (formed by respect, safelives and social-finance on 2026-01-12, see
 * {@link Examples#PARTNERSHIP_FORMED}); each is valid after the ones before it.
 */
public final class EventExamples {

    private EventExamples() {
    }

    /** The id of the meeting that the EventVoided example voids. */
    public static final String VOIDED_MEETING_ID = "0b7f3c1e-2d4a-4f6b-8c9d-1e2f3a4b5c6d";

    public static final Map<String, String> STORY = story();

    private static Map<String, String> story() {
        var s = new LinkedHashMap<String, String>();
        s.put("PartnerJoined", """
                {"type": "PartnerJoined", "occurredAt": "2026-01-20", "orgId": "county-council",
                 "name": "County Council", "sector": "PUBLIC", "role": "COMMISSIONER",
                 "contribution": "Commissions the service in two districts"}""");
        s.put("PartnershipTypeConfirmed", """
                {"type": "PartnershipTypeConfirmed", "occurredAt": "2026-01-21", "orgId": "respect",
                 "understoodType": "COLLABORATIVE"}""");
        s.put("MeetingHeld", """
                {"type": "MeetingHeld", "eventId": "%s", "occurredAt": "2026-02-02T09:30:00Z",
                 "format": "IN_PERSON", "kind": "STEERING",
                 "attendees": [
                   {"personRef": "p-ce-respect", "orgId": "respect", "seniority": "EXECUTIVE"},
                   {"personRef": "p-ce-safelives", "orgId": "safelives", "seniority": "EXECUTIVE"},
                   {"personRef": "p-chair", "orgId": null, "seniority": "DIRECTOR"}]}""".formatted(VOIDED_MEETING_ID));
        s.put("TrustSurveyRecorded", """
                {"type": "TrustSurveyRecorded", "occurredAt": "2026-02-10", "surveyId": "survey-2026-q1",
                 "respondentOrg": "respect", "ratedOrg": "safelives",
                 "trust": 4, "reliability": 4, "openness": 5, "sharedInterest": 4}""");
        s.put("SharedGoalAgreed", """
                {"type": "SharedGoalAgreed", "occurredAt": "2026-02-12", "goalId": "goal-reduce-harm",
                 "statement": "Reduce repeat domestic abuse by challenging perpetrators to change.",
                 "primary": true, "endorsedBy": ["respect", "safelives", "social-finance"]}""");
        s.put("SharedGoalRevised", """
                {"type": "SharedGoalRevised", "occurredAt": "2026-03-01", "goalId": "goal-reduce-harm",
                 "change": "EXPANDED",
                 "statement": "Reduce repeat domestic abuse and serial perpetration across the county.",
                 "endorsedBy": ["respect", "safelives", "social-finance", "county-council"]}""");
        s.put("CapabilityAssessmentHeld", """
                {"type": "CapabilityAssessmentHeld", "occurredAt": "2026-03-05",
                 "orgIds": ["respect", "safelives", "social-finance"], "chiefExecutivesPresent": true}""");
        s.put("HealthCheckCompleted", """
                {"type": "HealthCheckCompleted", "occurredAt": "2026-03-10", "instrument": "WILDER",
                 "respondents": 9, "scaleMin": 1, "scaleMax": 5,
                 "factorScores": [{"code": "MUTUAL_RESPECT", "mean": 4.2, "n": 9},
                                  {"code": "RESOURCES", "mean": 2.8, "n": 9}]}""");
        s.put("AgreementSigned", """
                {"type": "AgreementSigned", "occurredAt": "2026-03-15", "agreementId": "tor-2026",
                 "kind": "TERMS_OF_REFERENCE", "signatories": ["respect", "safelives", "social-finance"],
                 "effectiveOn": "2026-04-01", "reviewBy": "2027-04-01",
                 "covers": ["ROLES", "DECISIONS", "RESOURCES", "CONFLICT", "REVIEW"]}""");
        s.put("ChairAppointed", """
                {"type": "ChairAppointed", "occurredAt": "2026-03-20", "role": "INDEPENDENT_CHAIR",
                 "personRef": "p-chair", "orgId": null}""");
        s.put("LeadershipChanged", """
                {"type": "LeadershipChanged", "occurredAt": "2026-04-01", "orgId": "safelives",
                 "role": "CHIEF_EXECUTIVE", "incomingRef": "p-new-ce-safelives", "effectiveOn": "2026-04-01",
                 "handoverHeld": true}""");
        s.put("FundingSecured", """
                {"type": "FundingSecured", "occurredAt": "2026-04-05", "fundingId": "grant-2026",
                 "funder": {"funderId": "tudor-trust", "name": "Tudor Trust", "kind": "TRUST"},
                 "amount": 450000, "currency": "GBP", "startsOn": "2026-04-01", "endsOn": "2028-03-31",
                 "coreCosts": true}""");
        s.put("ContinuationPlanRecorded", """
                {"type": "ContinuationPlanRecorded", "occurredAt": "2026-04-20", "planId": "plan-beyond-2028",
                 "fundingIds": ["grant-2026"], "route": "MAINSTREAMED", "status": "DRAFT", "staffFte": 0.5}""");
        s.put("ResourceCommitted", """
                {"type": "ResourceCommitted", "occurredAt": "2026-04-25", "orgId": "safelives",
                 "kind": "STAFF_FTE", "amount": 1.5, "from": "2026-05-01", "to": "2027-04-30"}""");
        s.put("MeasureDefined", """
                {"type": "MeasureDefined", "occurredAt": "2026-05-01", "measureId": "repeat-victimisation",
                 "goalId": "goal-reduce-harm", "ownerOrg": "safelives", "name": "Repeat victimisation rate (%)",
                 "baseline": 32, "direction": "DECREASE", "target": 20, "cadence": "QUARTERLY"}""");
        s.put("MeasureRecorded", """
                {"type": "MeasureRecorded", "occurredAt": "2026-07-05", "measureId": "repeat-victimisation",
                 "periodEnd": "2026-06-30", "value": 29.5}""");
        s.put("MilestoneSet", """
                {"type": "MilestoneSet", "occurredAt": "2026-05-02", "milestoneId": "first-100-cases",
                 "title": "First 100 perpetrators engaged", "dueOn": "2026-09-30", "goalId": "goal-reduce-harm"}""");
        s.put("MilestoneRescheduled", """
                {"type": "MilestoneRescheduled", "occurredAt": "2026-06-01", "milestoneId": "first-100-cases",
                 "dueOn": "2026-10-31"}""");
        s.put("MilestoneReached", """
                {"type": "MilestoneReached", "occurredAt": "2026-10-15", "milestoneId": "first-100-cases"}""");
        s.put("PilotStarted", """
                {"type": "PilotStarted", "occurredAt": "2026-05-10", "pilotId": "pilot-essex",
                 "location": {"name": "Essex", "code": "E10000012"}, "startsOn": "2026-05-10"}""");
        s.put("PilotScaled", """
                {"type": "PilotScaled", "occurredAt": "2026-09-01", "pilotId": "pilot-essex",
                 "newLocation": {"name": "West Sussex", "code": "E10000032"}, "kind": "REPLICATION"}""");
        s.put("RiskRaised", """
                {"type": "RiskRaised", "occurredAt": "2026-05-15", "riskId": "risk-referrals",
                 "category": "DELIVERY", "likelihood": 3, "impact": 3}""");
        s.put("RiskResolved", """
                {"type": "RiskResolved", "occurredAt": "2026-08-01", "riskId": "risk-referrals",
                 "outcome": "MITIGATED"}""");
        s.put("FundingEnded", """
                {"type": "FundingEnded", "occurredAt": "2026-10-01", "fundingId": "grant-2026", "early": true}""");
        s.put("MeasureRetired", """
                {"type": "MeasureRetired", "occurredAt": "2026-10-02", "measureId": "repeat-victimisation",
                 "reason": "Replaced by the police force's own measure"}""");
        s.put("SharedGoalRetired", """
                {"type": "SharedGoalRetired", "occurredAt": "2026-10-03", "goalId": "goal-reduce-harm",
                 "reason": "SUPERSEDED"}""");
        s.put("AgreementEnded", """
                {"type": "AgreementEnded", "occurredAt": "2026-10-04", "agreementId": "tor-2026",
                 "reason": "REPLACED"}""");
        s.put("PartnerLeft", """
                {"type": "PartnerLeft", "occurredAt": "2026-10-05", "orgId": "county-council",
                 "reason": "FUNDING"}""");
        s.put("PartnershipPaused", """
                {"type": "PartnershipPaused", "occurredAt": "2026-10-10",
                 "reason": "Waiting for the county's new commissioning round", "expectedResumeOn": "2027-01-10"}""");
        s.put("PartnershipResumed", """
                {"type": "PartnershipResumed", "occurredAt": "2026-10-20"}""");
        s.put("PartnershipClosed", """
                {"type": "PartnershipClosed", "occurredAt": "2026-11-01", "reason": "MERGED"}""");
        s.put("EventVoided", """
                {"type": "EventVoided", "occurredAt": "2026-11-02", "voidedEventId": "%s",
                 "reason": "Recorded against the wrong partnership"}""".formatted(VOIDED_MEETING_ID));
        return java.util.Collections.unmodifiableMap(s);
    }
}
