package org.rapport.api;

/** Request and response examples for the API documentation. */
final class Examples {

    private Examples() {
    }

    static final String PARTNERSHIP_FORMED = """
            {
              "eventId": "5f0c6a52-8a36-4b8e-9a51-0f1c2e6f8b10",
              "occurredAt": "2026-01-12",
              "name": "Drive Partnership",
              "partnershipType": "COLLABORATIVE",
              "problemStatement": "Perpetrators of domestic abuse are rarely challenged to change.",
              "foundingPartners": [
                {"orgId": "respect", "name": "Respect", "sector": "VOLUNTARY"},
                {"orgId": "safelives", "name": "SafeLives", "sector": "VOLUNTARY"},
                {"orgId": "social-finance", "name": "Social Finance", "sector": "PRIVATE"}
              ]
            }""";

    static final String MEETING_HELD = """
            {
              "type": "MeetingHeld",
              "eventId": "0b7f3c1e-2d4a-4f6b-8c9d-1e2f3a4b5c6d",
              "occurredAt": "2026-05-01T09:30:00Z",
              "format": "IN_PERSON",
              "kind": "STEERING",
              "attendees": [
                {"personRef": "p-ce-respect", "orgId": "respect", "seniority": "EXECUTIVE"},
                {"personRef": "p-ce-safelives", "orgId": "safelives", "seniority": "EXECUTIVE"},
                {"personRef": "p-chair", "orgId": null, "seniority": "DIRECTOR"}
              ]
            }""";

    static final String BATCH = "[" + MEETING_HELD + "]";

    static final String STORED_EVENT = """
            {
              "eventId": "0b7f3c1e-2d4a-4f6b-8c9d-1e2f3a4b5c6d",
              "partnershipId": "9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a",
              "type": "MeetingHeld",
              "schemaVersion": 1,
              "version": 2,
              "position": 1041,
              "occurredAt": "2026-05-01T09:30:00Z",
              "recordedAt": "2026-05-01T10:02:13.512Z",
              "recordedBy": "user-8812",
              "correlationId": null,
              "causationId": null,
              "evidenceUrl": null,
              "voided": false,
              "data": {
                "format": "IN_PERSON",
                "kind": "STEERING",
                "attendees": [
                  {"personRef": "p-ce-respect", "orgId": "respect", "seniority": "EXECUTIVE"},
                  {"personRef": "p-ce-safelives", "orgId": "safelives", "seniority": "EXECUTIVE"}
                ]
              }
            }""";

    /** A partnership's state after its formation, but for its id and version. */
    private static final String PARTNERSHIP_STATE = """
              "name": "Drive Partnership",
              "partnershipType": "COLLABORATIVE",
              "problemStatement": "Perpetrators of domestic abuse are rarely challenged to change.",
              "formedOn": "2026-01-12",
              "partners": [
                {"orgId": "respect", "name": "Respect", "sector": "VOLUNTARY", "joinedOn": "2026-01-12"},
                {"orgId": "safelives", "name": "SafeLives", "sector": "VOLUNTARY", "joinedOn": "2026-01-12"}
              ]
            }""";

    static final String PARTNERSHIP = """
            {
              "id": "9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a",
              "version": 2,
            """ + PARTNERSHIP_STATE;

    /** The state a formation answers with: version 1, as its ETag says. */
    static final String FORMED = """
            {
              "id": "9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a",
              "version": 1,
            """ + PARTNERSHIP_STATE;

    static final String STREAM_PAGE = "{\"events\": [" + STORED_EVENT + "], \"next\": 3}";

    static final String FEED = "{\"events\": [" + STORED_EVENT + "], \"next\": \"djE6ODEyOjEwNDE\"}";

    static final String HEALTH = """
            {
              "asOf": "2026-11-27T23:00:00Z",
              "paramsVersion": "2",
              "status": "AMBER",
              "statusReasons": [
                "momentum 28 is below 50 and rests mostly on records not yet made, so it holds back GREEN but cannot make it RED",
                "2 lesser alerts open: no agreement, no measures"],
              "overall": 76,
              "dimensions": {
                "trust": {"score": 93, "confidence": "HIGH", "basis": "OBSERVED",
                  "reasons": [
                    {"rule": "relationship", "kind": "TERM", "earned": 92.2, "possible": 100.0,
                     "eventIds": ["0b7f3c1e-2d4a-4f6b-8c9d-1e2f3a4b5c6d"],
                     "text": "17 meetings count, each worth more when every partner's senior people attend and fading by half every 90 days: relationship 92 of 100"},
                    {"rule": "trust-survey", "kind": "BLEND", "earned": 0.3, "possible": null,
                     "eventIds": ["5e9d7c3a-1b2f-4a6e-9d8c-7b6a5f4e3d2c"],
                     "text": "the latest trust survey (2026-08-29, mean rating 4.75 of 5 = 94 of 100) blended half and half with the score from meetings and changes, 93: 93"}],
                  "notAssessed": []},
                "alignment": {"score": 100, "confidence": "MEDIUM", "basis": "OBSERVED", "reasons": [], "notAssessed": []},
                "governance": {"score": 57, "confidence": "HIGH", "basis": "MISSING_RECORDS",
                  "reasons": [
                    {"rule": "agreement", "kind": "EXPECTED", "earned": 16.7, "possible": 50.0, "eventIds": [],
                     "text": "no agreement recorded; expected since day 180, it has the benefit of the doubt for 90 days: it counts as good as the rest of governance (100%), with 33% of that time left"},
                    {"rule": "forum", "kind": "TERM", "earned": 35.7, "possible": 35.7,
                     "eventIds": ["7c2e9b4d-3a1f-4e8b-9c6d-2f1e0a9b8c7d"],
                     "text": "all partners met at a board meeting on 2026-11-18"}],
                  "notAssessed": [{"rule": "risk", "why": "no risk register kept yet"}]},
                "sustainability": {"score": null, "confidence": "NONE", "basis": null, "reasons": [],
                  "notAssessed": [{"rule": "runway", "why": "no funding or resource commitment recorded"}]},
                "engagement": {"score": 75, "confidence": "HIGH", "basis": "OBSERVED", "reasons": [], "notAssessed": []},
                "momentum": {"score": 28, "confidence": "LOW", "basis": "MISSING_RECORDS", "reasons": [], "notAssessed": []}
              },
              "alerts": [
                {"code": "NO_AGREEMENT", "severity": "MEDIUM", "since": "2026-09-28", "severitySince": null, "eventIds": [],
                 "prompt": "No agreement has been signed: are roles, decisions and how to leave written down anywhere?"}],
              "nextSteps": [
                {"addresses": ["NO_AGREEMENT", "agreement"],
                 "text": "Sign terms of reference with every partner, covering roles, decisions, resources, risk, conflict, data, exit and review",
                 "events": [{"type": "AgreementSigned", "agreementId": "terms-of-reference", "kind": "TERMS_OF_REFERENCE",
                   "signatories": ["council", "charity", "business"], "effectiveOn": "2026-11-27", "reviewBy": "2027-11-27",
                   "covers": ["ROLES", "DECISIONS", "RESOURCES", "RISK", "CONFLICT", "DATA", "EXIT", "REVIEW"]}],
                 "dimension": "governance", "overallGain": 7, "dimensionGain": 35}]
            }""";

    static final String VALIDATION_PROBLEM = """
            {
              "type": "/problems/validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "attendees[0].seniority must be one of [EXECUTIVE, DIRECTOR, MANAGER, STAFF]",
              "instance": "/partnerships/9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a/events",
              "errors": [{"field": "attendees[0].seniority", "message": "must be one of [EXECUTIVE, DIRECTOR, MANAGER, STAFF]"}]
            }""";

    static final String RULE_PROBLEM = """
            {
              "type": "/problems/not-a-partner",
              "title": "Not a partner",
              "status": 409,
              "detail": "Organisation acme is not a current partner of this partnership.",
              "instance": "/partnerships/9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a/events",
              "offendingId": "acme"
            }""";

    /** The portfolio exported for a spreadsheet (PortfolioCsvTest writes it from the same rows). */
    static final String PORTFOLIO_CSV = "\"id\",\"name\",\"type\",\"status\",\"overall\",\"trust\",\"alignment\","
            + "\"governance\",\"sustainability\",\"engagement\",\"momentum\",\"mostSevereAlert\","
            + "\"mostSevereAlertSeverity\",\"alerts\",\"assessedAt\"\r\n"
            + "\"9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a\",\"Drive Partnership\",\"COLLABORATIVE\",\"AMBER\",68,81,77,52,,74,28,"
            + "\"No partnership agreement in force\",\"MEDIUM\",\"NO_AGREEMENT;NO_MEASURES\",\"2026-11-27T02:15:00Z\"\r\n"
            + "\"0b6f7e2c-8d1a-4c3b-9e5f-2a1b0c9d8e7f\",\"'=Families First\",\"COLLABORATIVE\",\"NOT_ENOUGH_DATA\",,,,,,,,,,,"
            + "\"2026-11-27T02:15:00Z\"\r\n";
}
