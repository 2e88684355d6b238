package org.rapport.api;

import java.time.Clock;
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
            return value.length() == 10 ? endOf(LocalDate.parse(value)) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(parameter, "must be a date (2026-05-01, meaning the end of that day UTC) or an "
                    + "instant (2026-05-01T09:30:00Z)");
        }
    }

    /**
     * A date (2026-05-01) no later than today, UTC, as the end of that day, the moment
     * {@link #parse} makes of a date; null when absent. A day still to come cannot be assessed:
     * its events have not occurred yet.
     */
    static Instant pastDay(String parameter, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(parameter, "must be a date, e.g. 2026-05-01 (the end of that day, UTC)");
        }
        if (day.isAfter(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw Problems.invalid(parameter, "must not be after today (UTC)");
        }
        return endOf(day);
    }

    private static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC);
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
