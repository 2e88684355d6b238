package org.rapport.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads moments from query parameters: a date means the end of that day, UTC; or an instant. */
final class Moments {

    private Moments() {
    }

    static Instant parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(parameter, "must be a date (2026-05-01, meaning the end of that day UTC) or an "
                    + "instant (2026-05-01T09:30:00Z)");
        }
    }

    static Period step(String value) {
        return switch (value == null ? "P1M" : value) {
            case "P1D" -> Period.ofDays(1);
            case "P1W" -> Period.ofWeeks(1);
            case "P1M" -> Period.ofMonths(1);
            default -> throw Problems.invalid("step", "must be P1D, P1W or P1M");
        };
    }
}
