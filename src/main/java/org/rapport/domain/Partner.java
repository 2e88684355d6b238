package org.rapport.domain;

import java.time.LocalDate;

/**
 * A current partner: founders have no role; a partner that joined later has one. Its
 * {@code understoodType} is the partnership type it confirmed, if it did.
 */
public record Partner(String orgId, String name, Sector sector, PartnerRole role, String contribution,
        LocalDate joinedOn, PartnershipType understoodType) {
}
