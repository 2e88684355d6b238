package org.rapport.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.rapport.domain.EventCatalog;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.Partnership;
import org.rapport.domain.PartnershipEvent;
import org.rapport.domain.ProposedEvent;

/** The one translation between domain objects and the JSON the log and the state rows hold. */
@ApplicationScoped
public class EventSerializer {

    private final ObjectMapper json;

    public EventSerializer(ObjectMapper json) {
        this.json = json;
    }

    public NewEvent toNew(ProposedEvent event, UUID correlationId, UUID causationId, String evidenceUrl) {
        var type = EventCatalog.of(event.payload());
        return new NewEvent(event.eventId(), type.name(), type.schemaVersion(), json.valueToTree(event.payload()),
                event.occurredAt(), correlationId, causationId, evidenceUrl);
    }

    public PartnershipEvent payload(StoredEvent stored) {
        var type = EventCatalog.byName(stored.type()).orElseThrow(
                () -> new IllegalStateException("unknown stored event type " + stored.type()));
        try {
            return json.treeToValue(stored.data(), type.payloadClass());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + stored.eventId() + " cannot be read", e);
        }
    }

    /** A stored event as the domain's rules read it. */
    public HistoricEvent historic(StoredEvent stored) {
        return new HistoricEvent(stored.eventId(), stored.version(), stored.occurredAt(), payload(stored));
    }

    /**
     * The state as the partnership row stores it. Through a tree, as events are stored: the tree
     * writes a decimal without trailing zeros, so a state reads the same whether it was folded
     * from stored events (a rebuild) or evolved from a request's (an append).
     */
    public String state(Partnership state) {
        return json.valueToTree(state).toString();
    }

    /**
     * Reads a stored state. Through a tree, as stored events are read: a number then becomes the
     * same value (and scale) whichever way a state was reached, folded from events or read back.
     */
    public Partnership state(String state) {
        try {
            return json.treeToValue(json.readTree(state), Partnership.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored partnership state cannot be read", e);
        }
    }

    public static List<String> partnerOrgs(Partnership state) {
        return state.partners().stream().map(p -> p.orgId()).toList();
    }
}
