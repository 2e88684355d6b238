package org.rapport.domain.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The partnership's clock: calendar days minus the days it was paused. A pause stops the clock,
 * so decay, windows, age thresholds and grace all count active days; an event that occurred
 * during a pause counts from the day the partnership resumed. Dates set in the world (funding
 * end dates, review dates, due dates) keep calendar time and are not read through this clock.
 */
final class ActiveDays {

    /** Paused from {@code from} (inclusive) to {@code to} (exclusive: the resume day is active). */
    record Pause(LocalDate from, LocalDate to) {
    }

    private final List<Pause> pauses;

    ActiveDays(List<Pause> pauses) {
        this.pauses = List.copyOf(pauses);
    }

    /** Active days from {@code from} to {@code to}: never negative. */
    long between(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        long days = to.toEpochDay() - from.toEpochDay();
        for (var p : pauses) {
            var start = p.from().isAfter(from) ? p.from() : from;
            var end = p.to() == null || p.to().isAfter(to) ? to : p.to();
            if (start.isBefore(end)) {
                days -= end.toEpochDay() - start.toEpochDay();
            }
        }
        return days;
    }

    /** The first calendar day that lies {@code days} active days after {@code from}. */
    LocalDate plus(LocalDate from, long days) {
        var at = from;
        long left = days;
        for (var p : pauses) {
            if (p.to() != null && !p.to().isAfter(at)) {
                continue;
            }
            var start = p.from().isBefore(at) ? at : p.from();
            long run = ChronoUnit.DAYS.between(at, start);
            if (left <= run || p.to() == null) {
                return at.plusDays(left);
            }
            left -= run;
            at = p.to();
        }
        return at.plusDays(left);
    }

    /** Paused days in all, up to {@code until}. */
    long pausedBefore(LocalDate until) {
        return pauses.stream().mapToLong(p -> {
            var end = p.to() == null || p.to().isAfter(until) ? until : p.to();
            return p.from().isBefore(end) ? ChronoUnit.DAYS.between(p.from(), end) : 0;
        }).sum();
    }
}
