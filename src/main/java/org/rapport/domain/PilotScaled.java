package org.rapport.domain;

/** Prove it, then scale: a pilot reached a new location (3 locations became 56). */
public record PilotScaled(String pilotId, Location newLocation, Kind kind) implements PartnershipEvent {

    public enum Kind {
        REPLICATION, EXPANDED_REACH, MAINSTREAMED
    }

    @Override
    public void validate(Validation v) {
        v.ref("pilotId", pilotId);
        if (v.required("newLocation", newLocation)) {
            newLocation.validate(v.at("newLocation"));
        }
        v.required("kind", kind);
    }
}
