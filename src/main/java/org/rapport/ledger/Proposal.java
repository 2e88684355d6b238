package org.rapport.ledger;

import java.util.UUID;
import org.rapport.domain.ProposedEvent;

/** An event a caller asks to record, with the metadata that travels with it. */
public record Proposal(ProposedEvent event, UUID correlationId, UUID causationId, String evidenceUrl) {

    /** This proposal with the request's correlation id, unless the event names its own. */
    public Proposal correlatedBy(UUID requestCorrelationId) {
        return correlationId != null || requestCorrelationId == null ? this
                : new Proposal(event, requestCorrelationId, causationId, evidenceUrl);
    }

    Proposal withEventId(UUID eventId) {
        var e = event;
        return new Proposal(new ProposedEvent(eventId, e.occurredAt(), e.payload()), correlationId, causationId,
                evidenceUrl);
    }
}
