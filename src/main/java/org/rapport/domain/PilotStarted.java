package org.rapport.domain;

import java.time.LocalDate;

/** Start small: a pilot began in one place. */
public record PilotStarted(String pilotId, Location location, LocalDate startsOn) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("pilotId", pilotId);
        if (v.required("location", location)) {
            location.validate(v.at("location"));
        }
        v.required("startsOn", startsOn);
    }
}
