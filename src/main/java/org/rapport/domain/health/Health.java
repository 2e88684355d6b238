package org.rapport.domain.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.PartnershipEvent;

/**
 * A partnership's health at one moment: six dimensions (each 0-100 or null), an overall score,
 * alerts and a status, the rules that set the status in words, and what would help most next.
 * Every number is explained by reasons naming the events behind it.
 */
public record Health(Instant asOf, String paramsVersion, Status status, List<String> statusReasons, Integer overall,
        Map<HealthDimension, Dimension> dimensions, List<Alert> alerts, List<NextStep> nextSteps) {

    public enum Status {
        GREEN, AMBER, RED, NOT_ENOUGH_DATA, PAUSED, CLOSED
    }

    public enum Confidence {
        HIGH, MEDIUM, LOW, NONE
    }

    public enum Severity {
        CRITICAL, HIGH, MEDIUM, LOW
    }

    /**
     * What a dimension's score rests on: mostly on what was recorded (a faded meeting is still an
     * observation: the silence is real), or mostly on expected items that were never recorded.
     */
    public enum Basis {
        OBSERVED, MISSING_RECORDS
    }

    /**
     * How a reason moves a score: a weighted term earns points out of those possible; an expected
     * item never recorded earns what is left of its grace; an adjustment adds or removes points; a
     * blend mixes in a survey or a health check; a cap sets a ceiling.
     */
    public enum ReasonKind {
        TERM, EXPECTED, ADJUSTMENT, BLEND, CAP
    }

    /**
     * One contribution to a score, on the dimension's 0-100 scale: for a term or an expected item,
     * the points {@code earned} of those {@code possible} (its weight after renormalisation); for an
     * adjustment, a blend or a cap, the points it moved the score by ({@code possible} null).
     */
    public record Reason(String rule, ReasonKind kind, double earned, Double possible, List<UUID> eventIds,
            String text) {
    }

    /** A term the model leaves out for now, and why (too early, not this type, nothing recorded). */
    public record NotAssessed(String rule, String why) {
    }

    public record Dimension(Integer score, Confidence confidence, Basis basis, List<Reason> reasons,
            List<NotAssessed> notAssessed) {
    }

    /**
     * An open alert: {@code since} is the first day its condition held, {@code severitySince} the
     * day it reached its present severity when that was later.
     */
    public record Alert(String code, Severity severity, LocalDate since, LocalDate severitySince, List<UUID> eventIds,
            String prompt) {
    }

    /**
     * What would help most: the events that would remedy open alerts or absent expected items
     * ({@code addresses}: alert codes and term rules), and the points the overall and the
     * dimension most affected would gain were they recorded now, as the model itself assesses it.
     */
    public record NextStep(List<String> addresses, String text, List<PartnershipEvent> events,
            HealthDimension dimension, Integer overallGain, Integer dimensionGain) {
    }

    /** Statuses from the one that needs attention first: RED, AMBER, not enough data, GREEN, paused, closed. */
    private static final List<Status> ATTENTION = List.of(Status.RED, Status.AMBER, Status.NOT_ENOUGH_DATA,
            Status.GREEN, Status.PAUSED, Status.CLOSED);

    /**
     * Where this partnership comes in triage, lower first: by status (RED first), then by its most
     * severe alert (a partnership with a critical alert before one with none), then by overall
     * score (lower first; none last).
     */
    public int attention() {
        int severity = mostSevereAlert().map(a -> a.severity().ordinal()).orElse(Severity.values().length);
        return ATTENTION.indexOf(status) * 10_000 + severity * 1_000 + (overall == null ? 101 : overall);
    }

    /** The most severe first, then by code, then the one open longest: the order that names one alert for a partnership. */
    public static final java.util.Comparator<Alert> MOST_SEVERE_FIRST = java.util.Comparator
            .comparing(Alert::severity).thenComparing(Alert::code)
            .thenComparing(Alert::since, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    /** The open alert that names this partnership's trouble in one line (a portfolio's row, an export's cell). */
    public java.util.Optional<Alert> mostSevereAlert() {
        return alerts.stream().min(MOST_SEVERE_FIRST);
    }

    public Integer score(HealthDimension dimension) {
        return dimensions.get(dimension).score();
    }

    public boolean hasAlert(String code) {
        return alerts.stream().anyMatch(a -> a.code().equals(code));
    }

    public java.util.Optional<Alert> alert(String code) {
        return alerts.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}
