package org.rapport.eventstore;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step in the life of a stored event's shape: reads events stored as {@link #fromType()}
 * version {@link #fromVersion()} and answers the next shape. Old events are never rewritten in
 * the log; they are read through these steps up to the current schema version.
 */
public interface Upcaster {

    String fromType();

    int fromVersion();

    Upcasted upcast(ObjectNode data);

    /** The event one step newer: possibly renamed, one schema version up, its data reshaped. */
    record Upcasted(String type, int schemaVersion, ObjectNode data) {
    }
}
