package org.rapport.eventstore;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A test-only history: suppose an earlier release stored meetings as "MeetingNoted" v1, with
 * {@code mode}, {@code level} and attendees as {@code {ref, org, senior}}. This step reads them
 * as today's MeetingHeld v1.
 */
@ApplicationScoped
public class MeetingNotedUpcaster implements Upcaster {

    @Override
    public String fromType() {
        return "MeetingNoted";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public Upcasted upcast(ObjectNode old) {
        var json = JsonNodeFactory.instance;
        var now = json.objectNode();
        now.put("format", old.path("mode").asText());
        now.put("kind", old.path("level").asText());
        var attendees = now.putArray("attendees");
        old.path("people").forEach(p -> attendees.addObject()
                .put("personRef", p.path("ref").asText())
                .put("orgId", p.path("org").isNull() ? null : p.path("org").asText())
                .put("seniority", p.path("senior").asBoolean() ? "EXECUTIVE" : "STAFF"));
        return new Upcasted("MeetingHeld", 1, now);
    }
}
