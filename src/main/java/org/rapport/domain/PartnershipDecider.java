package org.rapport.domain;

import java.util.UUID;

/**
 * The partnership's rules as pure functions: {@link #decide} checks a proposed event against the
 * state so far, {@link #evolve} applies a recorded one. Time and ids are passed in.
 */
public final class PartnershipDecider {

    private PartnershipDecider() {
    }

    /**
     * Checks the rules that need the partnership's state; throws {@link RuleBroken} naming the
     * first one broken. Stateless checks ({@link ProposedEvent#validate}) come first, elsewhere.
     */
    public static void decide(Partnership state, ProposedEvent proposed) {
        if (proposed.payload() instanceof PartnershipFormed) {
            if (state != null) {
                throw new RuleBroken(Rule.PARTNERSHIP_ALREADY_FORMED, state.id().toString(),
                        "Partnership " + state.id() + " was already formed.");
            }
            return;
        }
        if (state == null) {
            throw new RuleBroken(Rule.PARTNERSHIP_NOT_FORMED, null, "The partnership has not been formed.");
        }
        if (Partnership.dayOf(proposed.occurredAt()).isBefore(state.formedOn())) {
            throw new RuleBroken(Rule.OCCURRED_BEFORE_FORMATION, proposed.eventId() == null ? null
                    : proposed.eventId().toString(),
                    "occurredAt " + proposed.occurredAt() + " is before the partnership was formed on "
                            + state.formedOn() + ".");
        }
        switch (proposed.payload()) {
            case MeetingHeld meeting -> requirePartners(state, meeting);
            case PartnershipFormed formed -> throw new IllegalStateException("handled above");
        }
    }

    private static void requirePartners(Partnership state, MeetingHeld meeting) {
        for (var orgId : meeting.attendingOrgs()) {
            if (!state.isPartner(orgId)) {
                throw new RuleBroken(Rule.NOT_A_PARTNER, orgId,
                        "Organisation " + orgId + " is not a current partner of this partnership.");
            }
        }
    }

    /** The state after {@code event}, recorded as stream version {@code version}. */
    public static Partnership evolve(Partnership state, UUID partnershipId, long version,
            java.time.Instant occurredAt, PartnershipEvent event) {
        return switch (event) {
            case PartnershipFormed formed -> new Partnership(partnershipId, version, formed.name(),
                    formed.partnershipType(), formed.problemStatement(), Partnership.dayOf(occurredAt),
                    formed.foundingPartners().stream()
                            .map(o -> new Partner(o.orgId(), o.name(), o.sector(), Partnership.dayOf(occurredAt)))
                            .toList());
            case MeetingHeld meeting -> withVersion(state, version);
        };
    }

    private static Partnership withVersion(Partnership s, long version) {
        return new Partnership(s.id(), version, s.name(), s.partnershipType(), s.problemStatement(), s.formedOn(),
                s.partners());
    }
}
