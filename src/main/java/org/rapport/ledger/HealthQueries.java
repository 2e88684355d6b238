package org.rapport.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rapport.domain.health.AlertCode;
import org.rapport.domain.health.HealthRule;
import org.rapport.eventstore.PartnershipRows;
import org.rapport.health.HealthProjector;
import org.rapport.health.HealthView;
import org.rapport.health.StoredViews;
import org.rapport.security.AccessPolicy;
import org.rapport.security.Caller;

/** Answers health questions: now, as of a moment (and as then known), and over time. */
@ApplicationScoped
public class HealthQueries {

    public static final int MAX_POINTS = 400;

    private final Reader reader;
    private final HealthProjector projector;
    private final PartnershipRows rows;
    private final ObjectMapper json;
    private final Clock clock;
    private final AccessPolicy access;
    private final StoredViews views;

    public HealthQueries(Reader reader, HealthProjector projector, PartnershipRows rows,
            ObjectMapper json, Clock clock, AccessPolicy access, StoredViews views) {
        this.views = views;
        this.reader = reader;
        this.projector = projector;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.access = access;
    }

    /**
     * The current health: the stored view when it was assessed today (the model counts whole
     * days, so it is what an assessment now would say), else assessed now. A caller who may see
     * everything gets the stored JSON as it is, unparsed: the JSON text or a tree. The view's
     * text comes from {@link StoredViews} when the row says it is the one held.
     */
    public Uni<Object> current(Caller caller, UUID id) {
        var now = clock.instant();
        var held = views.held(id);
        return rows.storedHealth(id, held.map(StoredViews.View::version).orElse(null),
                held.map(StoredViews.View::assessedAt).orElse(null),
                held.map(StoredViews.View::paramsVersion).orElse(null)).flatMap(found -> {
            var stored = found.filter(row -> access.maySee(caller, row.partnerOrgs(), row.funderIds()))
                    .orElseThrow(() -> new RecordingRefused.PartnershipNotFound(id));
            var view = views.resolve(id, held, stored.version(), stored.assessedAt(), stored.paramsVersion(),
                    stored.view());
            if (view != null && stored.assessedAt() != null && day(stored.assessedAt()).equals(day(now))) {
                return Uni.createFrom().item(access.maySeeSurveyResponses(caller) ? view
                        : forCaller(caller, parse(view)));
            }
            return projector.at(id, now, null).map(h -> forCaller(caller, json.valueToTree(HealthView.of(h))));
        });
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored health view cannot be read", e);
        }
    }

    public Uni<JsonNode> at(Caller caller, UUID id, Instant asOf, Instant knownAt) {
        return reader.partnership(caller, id).flatMap(p -> projector.at(id, asOf, knownAt))
                .map(h -> forCaller(caller, json.valueToTree(HealthView.of(h))));
    }

    /**
     * Funders see trust scores, never who rated whom: the survey reasons and low-trust alerts
     * lose the names of the pair and the survey responses behind them.
     */
    JsonNode forCaller(Caller caller, JsonNode view) {
        if (access.maySeeSurveyResponses(caller)) {
            return view;
        }
        var redacted = view.deepCopy();
        var reasons = redacted.path("dimensions").path("trust").path("reasons");
        reasons.forEach(reason -> {
            var rule = HealthRule.ofWire(reason.path("rule").asText()).orElse(null);
            if (rule != null && rule.revealsRatings()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) reason).putArray("eventIds");
                ((com.fasterxml.jackson.databind.node.ObjectNode) reason).put("text", rule == HealthRule.LOW_TRUST_PAIR
                        ? "one partner rated another below 3 of 5 on average in the latest trust survey"
                        : "the latest trust survey, weighted into trust");
            }
        });
        redacted.path("alerts").forEach(alert -> {
            if (AlertCode.valueOf(alert.path("code").asText()).revealsRatings()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) alert).putArray("eventIds");
                ((com.fasterxml.jackson.databind.node.ObjectNode) alert).put("prompt",
                        "One partner rated another low on trust in the latest survey: how is the partnership rebuilding it?");
            }
        });
        return redacted;
    }

    /**
     * Scores at {@code to} and at each whole step back from it down to {@code from}, in ascending
     * time order (the latest {@link #MAX_POINTS} at most), from one read of the stream.
     */
    public Uni<List<HealthView.Point>> history(Caller caller, UUID id, Instant from, Instant to, Period step) {
        var moments = moments(from, to, step, MAX_POINTS);
        return reader.partnership(caller, id).flatMap(p -> projector.eventsUpTo(id, to, moments.get(0)))
                .map(events -> moments.stream().map(at -> HealthView.Point.of(projector.assess(events, at))).toList());
    }

    /**
     * A history's moments: {@code to}, then {@code to} minus k whole steps for k = 1, 2, ..., each
     * counted from {@code to} itself, never from the previous point (so from the 31st a month back
     * is the last day of a shorter month, and two months back the 31st again), while not before
     * {@code from}; ascending, the latest {@code limit} at most. Never empty: {@code to} is the last.
     */
    public static List<Instant> moments(Instant from, Instant to, Period step, int limit) {
        var anchor = to.atZone(ZoneOffset.UTC);
        var moments = new ArrayList<Instant>();
        moments.add(to);
        for (int k = 1; moments.size() < limit; k++) {
            var at = anchor.minus(step.multipliedBy(k)).toInstant();
            if (at.isBefore(from)) {
                break;
            }
            moments.add(at);
        }
        return moments.reversed();
    }

    private static java.time.LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
