package org.rapport.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Partners met. Trust "took monthly meetings of senior leaders over years", so who came, from
 * which organisation and how senior they are is what the trust and engagement rules read.
 */
public record MeetingHeld(MeetingFormat format, MeetingKind kind, List<Attendee> attendees)
        implements PartnershipEvent {

    public enum MeetingFormat {
        IN_PERSON, VIRTUAL, HYBRID
    }

    public enum MeetingKind {
        BOARD, STEERING, OPERATIONAL, WORKSHOP
    }

    /** A pseudonymous attendee: people are never named. {@code orgId} null = independent. */
    public record Attendee(String personRef, String orgId, Seniority seniority) {

        void validate(Validation v) {
            v.text("personRef", personRef, 1, Limits.REFERENCE);
            v.optionalText("orgId", orgId, Limits.REFERENCE);
            v.required("seniority", seniority);
        }
    }

    @Override
    public void validate(Validation v) {
        v.required("format", format);
        v.required("kind", kind);
        v.list("attendees", attendees, 2, Limits.LIST, (at, attendee) -> attendee.validate(at));
        if (attendees != null && attendingOrgs().size() < 2) {
            v.fail("attendees", "must include people from at least 2 organisations");
        }
    }

    /** The organisations present (independents excluded). */
    public Set<String> attendingOrgs() {
        return attendees.stream().filter(Objects::nonNull).map(Attendee::orgId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
