package org.rapport.ledger;

import java.util.List;
import org.rapport.domain.Partnership;
import org.rapport.eventstore.StoredEvent;

/** What a recording request stored (or had stored, when it is a retry), and the state after it. */
public record Recorded(Partnership partnership, List<StoredEvent> events) {

    public StoredEvent last() {
        return events.get(events.size() - 1);
    }
}
