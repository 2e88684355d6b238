// A client team's first story, through the TypeScript client generated from openapi/openapi.yaml
// only (no hand-written HTTP): form a partnership, record a MeetingHeld, read the partnership's health.
// Compiled with tsc --strict by ./mvnw; TypeScriptClientIT runs it against the packaged service.
//
//   node target/typescript-build/src/test/typescript/story.js <base URL> <bearer token>
//   (or RAPPORT_BASE_URL and RAPPORT_TOKEN in the environment)
//
// Prints one "key: value" line per fact and exits 0; on a failed call prints the status and the
// problem body and exits 1.

import { randomUUID } from "node:crypto";
import {
    Configuration,
    EventsApi,
    HealthApi,
    MeetingHeldEventFormatEnum,
    MeetingHeldEventKindEnum,
    MeetingHeldEventAllOfAttendeesSeniorityEnum,
    PartnershipFormationPartnershipTypeEnum,
    PartnershipFormedPayloadFoundingPartnersInnerSectorEnum,
    PartnershipsApi,
    ResponseError,
} from "../../../target/generated-clients/typescript/index";

async function story(basePath: string, accessToken: string): Promise<void> {
    const configuration = new Configuration({ basePath, accessToken });
    const partnerships = new PartnershipsApi(configuration);
    const events = new EventsApi(configuration);
    const health = new HealthApi(configuration);

    const formed = await partnerships.formPartnership({
        partnershipFormation: {
            eventId: randomUUID(),
            occurredAt: "2026-01-12",
            name: "Drive Partnership (TypeScript client)",
            partnershipType: PartnershipFormationPartnershipTypeEnum.Collaborative,
            problemStatement: "Perpetrators of domestic abuse are rarely challenged to change.",
            foundingPartners: [
                { orgId: "respect", name: "Respect", sector: PartnershipFormedPayloadFoundingPartnersInnerSectorEnum.Voluntary },
                { orgId: "safelives", name: "SafeLives", sector: PartnershipFormedPayloadFoundingPartnersInnerSectorEnum.Voluntary },
            ],
        },
    });
    const id = formed.id;
    if (id == null) {
        throw new Error("the formed partnership has no id");
    }
    console.log(`partnership: ${id}`);
    console.log(`version: ${formed.version}`);

    const meetingId = randomUUID();
    const stored = await events.recordEvent({
        id,
        eventRequest: {
            type: "MeetingHeld",
            eventId: meetingId,
            occurredAt: "2026-02-02T09:30:00Z",
            format: MeetingHeldEventFormatEnum.InPerson,
            kind: MeetingHeldEventKindEnum.Steering,
            attendees: [
                { personRef: "p-ce-respect", orgId: "respect", seniority: MeetingHeldEventAllOfAttendeesSeniorityEnum.Executive },
                { personRef: "p-ce-safelives", orgId: "safelives", seniority: MeetingHeldEventAllOfAttendeesSeniorityEnum.Executive },
            ],
        },
    });
    if (stored.type !== "MeetingHeld") {
        throw new Error(`recorded a MeetingHeld, stored a ${stored.type}`);
    }
    console.log(`event: ${stored.type} ${stored.eventId} version ${stored.version}`);

    const view = await health.getHealth({ id });
    console.log(`health: ${view.status}`);
}

const [basePath = process.env.RAPPORT_BASE_URL, token = process.env.RAPPORT_TOKEN] = process.argv.slice(2);
if (!basePath || !token) {
    console.error("usage: node story.js <base URL> <bearer token> (or RAPPORT_BASE_URL and RAPPORT_TOKEN)");
    process.exit(2);
}
story(basePath, token).catch(async (error: unknown) => {
    if (error instanceof ResponseError) {
        console.error(`${error.response.status} from ${error.response.url}: ${await error.response.text()}`);
    } else {
        console.error(error);
    }
    process.exit(1);
});
