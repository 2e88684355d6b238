package org.rapport.domain;

import java.time.LocalDate;

/** A current partner of a partnership, and the day it joined. */
public record Partner(String orgId, String name, Sector sector, LocalDate joinedOn) {
}
