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

    static final String PARTNERSHIP = """
            {
              "id": "9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a",
              "version": 2,
              "name": "Drive Partnership",
              "partnershipType": "COLLABORATIVE",
              "problemStatement": "Perpetrators of domestic abuse are rarely challenged to change.",
              "formedOn": "2026-01-12",
              "partners": [
                {"orgId": "respect", "name": "Respect", "sector": "VOLUNTARY", "joinedOn": "2026-01-12"},
                {"orgId": "safelives", "name": "SafeLives", "sector": "VOLUNTARY", "joinedOn": "2026-01-12"}
              ]
            }""";

    static final String STREAM_PAGE = "{\"events\": [" + STORED_EVENT + "], \"next\": 3}";

    static final String FEED = "{\"events\": [" + STORED_EVENT + "], \"next\": \"djE6ODEyOjEwNDE\"}";

    static final String HEALTH = """
            {
              "asOf": "2026-11-20T10:00:00Z",
              "paramsVersion": "2026-11-v1",
              "status": "AMBER",
              "overall": 71,
              "dimensions": {
                "trust": {"score": 64, "confidence": "HIGH",
                  "reasons": [
                    {"rule": "relationship", "points": 78.2, "eventIds": ["0b7f3c1e-2d4a-4f6b-8c9d-1e2f3a4b5c6d"],
                     "text": "12 meeting(s) counted (one per 14 days), credit 27.4: relationship 78"},
                    {"rule": "leadership-change", "points": -14.2, "eventIds": ["5e9d7c3a-1b2f-4a6e-9d8c-7b6a5f4e3d2c"],
                     "text": "CHIEF_EXECUTIVE of safelives changed on 2026-11-13; the new post-holder has not met the partnership yet"}],
                  "notAssessed": []},
                "alignment": {"score": 94, "confidence": "MEDIUM", "reasons": [], "notAssessed": []},
                "governance": {"score": 80, "confidence": "HIGH", "reasons": [], "notAssessed": []},
                "sustainability": {"score": null, "confidence": "NONE", "reasons": [],
                  "notAssessed": [{"rule": "runway", "why": "no funding or resource commitment recorded"}]},
                "engagement": {"score": 75, "confidence": "HIGH", "reasons": [], "notAssessed": []},
                "momentum": {"score": null, "confidence": "NONE", "reasons": [], "notAssessed": []}
              },
              "alerts": [
                {"code": "NEW_LEADER_NOT_MET", "severity": "MEDIUM", "since": "2026-11-13",
                 "eventIds": ["5e9d7c3a-1b2f-4a6e-9d8c-7b6a5f4e3d2c"],
                 "prompt": "A new CHIEF_EXECUTIVE at safelives has not met the partnership yet: who will introduce them?"}]
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
}
