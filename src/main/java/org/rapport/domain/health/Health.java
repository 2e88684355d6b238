package org.rapport.domain.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.domain.HealthDimension;

/**
 * A partnership's health at one moment: six dimensions (each 0-100 or null), an overall score,
 * alerts and a status. Every number is explained by reasons naming the events behind it.
 */
public record Health(Instant asOf, String paramsVersion, Status status, Integer overall,
        Map<HealthDimension, Dimension> dimensions, List<Alert> alerts) {

    public enum Status {
        GREEN, AMBER, RED, NOT_ENOUGH_DATA, PAUSED, CLOSED
    }

    public enum Confidence {
        HIGH, MEDIUM, LOW, NONE
    }

    public enum Severity {
        CRITICAL, HIGH, MEDIUM, LOW
    }

    /** One contribution to a score: which rule, how many points, from which events, and why. */
    public record Reason(String rule, double points, List<UUID> eventIds, String text) {
    }

    /** A term the model leaves out for now, and why (too early, not this type, nothing recorded). */
    public record NotAssessed(String rule, String why) {
    }

    public record Dimension(Integer score, Confidence confidence, List<Reason> reasons,
            List<NotAssessed> notAssessed) {
    }

    public record Alert(String code, Severity severity, LocalDate since, List<UUID> eventIds, String prompt) {
    }

    public Integer score(HealthDimension dimension) {
        return dimensions.get(dimension).score();
    }

    public boolean hasAlert(String code) {
        return alerts.stream().anyMatch(a -> a.code().equals(code));
    }
}
