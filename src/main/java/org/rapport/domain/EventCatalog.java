package org.rapport.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that knows the event types: each one's stored name and current schema version.
 * Stored names are explicit strings, independent of the Java class that carries the payload.
 */
public final class EventCatalog {

    public record EventType(String name, int schemaVersion, Class<? extends PartnershipEvent> payloadClass) {
    }

    private static final List<EventType> TYPES = List.of(
            new EventType("PartnershipFormed", 1, PartnershipFormed.class),
            new EventType("MeetingHeld", 1, MeetingHeld.class));

    private static final Map<String, EventType> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType> all() {
        return TYPES;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(PartnershipEvent event) {
        return BY_CLASS.get(event.getClass());
    }
}
