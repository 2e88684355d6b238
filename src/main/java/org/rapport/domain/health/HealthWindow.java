package org.rapport.domain.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.rapport.domain.HistoricEvent;

/**
 * What an assessment needs of a stream: every structural event, and of the kinds that recur
 * often and matter only while recent (meetings, surveys, measure values, health checks) those of
 * the last three active years. Their weight has faded to nothing by then (a meeting three years
 * old counts 2^-12 of a new one), so leaving them unread keeps an assessment's cost independent
 * of the stream's length.
 */
public final class HealthWindow {

    /** How far back the frequent kinds are read, from the day assessed, in active days. */
    public static final Duration LENGTH = Duration.ofDays(3 * 366);

    /** The kinds of event that recur often and matter to health only while recent. */
    public static final Set<String> FREQUENT_TYPES = Set.of("MeetingHeld", "TrustSurveyRecorded", "MeasureRecorded",
            "HealthCheckCompleted");

    private HealthWindow() {
    }

    public static boolean frequent(String type) {
        return FREQUENT_TYPES.contains(type);
    }

    /**
     * The earliest moment whose frequent events an assessment at {@code asOf} reads, given the
     * stream's structural events (which say when it was paused or closed): the start of the
     * window's first day, since the facts keep frequent events by the day they occurred.
     */
    public static Instant start(List<HistoricEvent> events, Instant asOf) {
        return HealthAssessor.windowStart(events, asOf, LENGTH).atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
}
