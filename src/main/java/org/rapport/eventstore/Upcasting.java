package org.rapport.eventstore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;
import org.rapport.domain.EventCatalog;

/** Reads every stored event in its current shape, through the registered {@link Upcaster} steps. */
@ApplicationScoped
public class Upcasting {

    private final Map<String, Upcaster> steps = new HashMap<>();

    public Upcasting(Instance<Upcaster> upcasters) {
        upcasters.forEach(u -> {
            if (steps.put(key(u.fromType(), u.fromVersion()), u) != null) {
                throw new IllegalStateException("two upcasters read " + u.fromType() + " v" + u.fromVersion());
            }
        });
    }

    public StoredEvent current(StoredEvent stored) {
        var type = stored.type();
        var version = stored.schemaVersion();
        var data = stored.data();
        for (var step = steps.get(key(type, version)); step != null; step = steps.get(key(type, version))) {
            var next = step.upcast(((ObjectNode) data).deepCopy());
            if (next.schemaVersion() <= version && next.type().equals(type)) {
                throw new IllegalStateException("upcaster for " + type + " v" + version + " does not move forward");
            }
            type = next.type();
            version = next.schemaVersion();
            data = next.data();
        }
        if (type.equals(stored.type()) && version == stored.schemaVersion()) {
            return stored;
        }
        var current = EventCatalog.byName(type).orElseThrow(() -> new IllegalStateException(
                "stored event " + stored.eventId() + " upcasts to an unknown type"));
        if (current.schemaVersion() != version) {
            throw new IllegalStateException("stored event " + stored.eventId() + " upcasts to " + type + " v"
                    + version + ", not the current v" + current.schemaVersion());
        }
        return new StoredEvent(stored.eventId(), stored.partnershipId(), type, version, stored.version(),
                stored.position(), stored.occurredAt(), stored.recordedAt(), stored.recordedBy(),
                stored.correlationId(), stored.causationId(), stored.evidenceUrl(), stored.traceparent(),
                stored.tracestate(), stored.voided(), data);
    }

    private static String key(String type, int version) {
        return type + "@" + version;
    }
}
