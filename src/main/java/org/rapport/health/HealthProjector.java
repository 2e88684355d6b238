package org.rapport.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.rapport.domain.EventVoided;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.Partnership;
import org.rapport.domain.PartnershipFormed;
import org.rapport.domain.health.Health;
import org.rapport.domain.health.HealthAssessor;
import org.rapport.domain.health.HealthFold;
import org.rapport.domain.health.HealthWindow;
import org.rapport.domain.health.HealthParams;
import org.rapport.eventstore.Append;
import org.rapport.eventstore.EventSerializer;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.StreamHead;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Assesses partnerships' health from their streams: after an append (for the stored view, in the
 * same statement as the events), by moving the health facts kept in the partnership's row forward
 * ({@link HealthFold}); and at any moment asked (time travel, history), by folding the events
 * that had occurred by then.
 */
@ApplicationScoped
public class HealthProjector {

    /** How far back the frequent kinds of event are read: {@link HealthWindow}. */
    static final Duration WINDOW = HealthWindow.LENGTH;

    private final EventStore store;
    private final EventSerializer serializer;
    private final ObjectMapper json;
    private final HealthFactsCodec codec;
    /** Appends by how their facts were folded (null key: moved forward), registered once, not looked up per append. */
    private final java.util.Map<HealthFold.Refold, io.micrometer.core.instrument.Counter> folds = new java.util.HashMap<>();

    public HealthProjector(EventStore store, EventSerializer serializer, ObjectMapper json, HealthFactsCodec codec,
            MeterRegistry meters) {
        this.store = store;
        this.serializer = serializer;
        this.json = json;
        this.codec = codec;
        folds.put(null, meters.counter("rapport.health.folds", "refold", "none"));
        for (var refold : HealthFold.Refold.values()) {
            folds.put(refold, meters.counter("rapport.health.folds", "refold",
                    refold.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    public HealthParams params() {
        return HealthParams.CURRENT;
    }

    /**
     * An assessment, and the health facts to keep with it for the next append (JSON text; null
     * when they may not be kept: an event dated ahead of the moment is missing from them).
     */
    public record Assessed(Health health, String facts) {
    }

    /**
     * Health at {@code now} once {@code appended} (decided, not yet stored, directly following the
     * stream's {@code head}) join the stream: its kept facts moved forward by them, or, when they
     * cannot be ({@link HealthFold.Refold}), the stream folded again.
     */
    public Uni<Assessed> after(StreamHead head, List<HistoricEvent> appended, Instant now) {
        var kept = head == null ? null : codec.read(head.healthFacts()).orElse(null);
        var advanced = HealthFold.advance(kept, appended, now);
        if (advanced.facts() != null) {
            folds.get(null).increment();
            var facts = advanced.facts();
            var text = codec.write(facts);
            return Uni.createFrom().item(new Assessed(HealthAssessor.assess(facts, now, params()), text));
        }
        folds.get(advanced.refold()).increment();
        if (head == null) {
            return Uni.createFrom().item(assessed(merge(List.of(), appended), now));
        }
        long before = head.version();
        return eventsFor(head.partnershipId(), EventStore.END_OF_TIME, null, now)
                .map(stored -> assessed(merge(stored.stream().filter(e -> e.version() <= before).toList(), appended),
                        now));
    }

    /** The counted events of a whole stream folded and assessed at {@code now}, with the facts to keep. */
    private Assessed assessed(List<HistoricEvent> counted, Instant now) {
        var facts = HealthFold.fold(counted, now);
        var text = HealthFold.keepable(counted, now) ? codec.write(facts) : null;
        return new Assessed(HealthAssessor.assess(facts, now, params()), text);
    }

    /** Health at {@code asOf} from what had occurred by then; with {@code knownAt}, as then recorded. */
    public Uni<Health> at(UUID partnershipId, Instant asOf, Instant knownAt) {
        return eventsFor(partnershipId, asOf, knownAt, asOf).map(events -> assess(events, asOf));
    }

    /** The events to assess over, for several moments at once (history). */
    public Uni<List<HistoricEvent>> eventsUpTo(UUID partnershipId, Instant until, Instant from) {
        return eventsFor(partnershipId, until, null, from);
    }

    /**
     * What assessments from {@code earliest} to {@code until} read: the window before
     * {@code earliest}, reaching further back, in a second read, when a pause or a closure makes
     * the assessment look back from an earlier day.
     */
    private Uni<List<HistoricEvent>> eventsFor(UUID partnershipId, Instant until, Instant knownAt, Instant earliest) {
        var plain = HealthWindow.start(List.of(), earliest);
        return store.readForHealth(partnershipId, until, knownAt, plain).flatMap(stored -> {
            var events = stored.stream().map(serializer::historic).toList();
            var from = HealthWindow.start(events, earliest);
            if (!from.isBefore(plain)) {
                return Uni.createFrom().item(events);
            }
            return store.readForHealth(partnershipId, until, knownAt, from)
                    .map(wider -> wider.stream().map(serializer::historic).toList());
        });
    }

    /**
     * Health at {@code now} from a whole stream already read, as {@link #at} would assess it, and
     * the facts to keep: voided events and voids left out. {@code history} is the stream's events
     * as the domain sees them, in the same order.
     */
    public Assessed assessStream(List<HistoricEvent> history, Instant now) {
        var voided = new HashSet<UUID>();
        history.forEach(e -> {
            if (e.payload() instanceof EventVoided v) {
                voided.add(v.voidedEventId());
            }
        });
        var counted = new ArrayList<HistoricEvent>(history.size());
        for (var e : history) {
            if (!(e.payload() instanceof EventVoided) && !voided.contains(e.eventId())) {
                counted.add(e);
            }
        }
        return assessed(counted, now);
    }

    public Health assess(List<HistoricEvent> events, Instant asOf) {
        return HealthAssessor.assess(events, asOf, params());
    }

    /** The stored history plus events about to be appended; a void in them removes its target. */
    static List<HistoricEvent> merge(List<HistoricEvent> stored, List<HistoricEvent> appended) {
        var voided = new HashSet<UUID>();
        appended.forEach(e -> {
            if (e.payload() instanceof EventVoided v) {
                voided.add(v.voidedEventId());
            }
        });
        var all = new ArrayList<HistoricEvent>(stored.size() + appended.size());
        for (var e : stored) {
            if (!voided.contains(e.eventId())) {
                all.add(e);
            }
        }
        for (var e : appended) {
            if (!(e.payload() instanceof EventVoided) && !voided.contains(e.eventId())) {
                all.add(e);
            }
        }
        return all;
    }

    /** The partnership row a stream leads to: its state, its portfolio columns, its health facts and its health. */
    public Append.ReadModel readModel(Partnership state, Assessed assessed) {
        return new Append.ReadModel(serializer.state(state), EventSerializer.partnerOrgs(state), state.name(),
                state.partnershipType().name(),
                state.partners().stream().map(p -> p.sector().name()).distinct().sorted().toList(),
                state.fundings().stream().map(Partnership.Funding::funderId).distinct().sorted().toList(),
                assessed.facts(), row(state.id(), assessed.health()));
    }

    private String viewText(Health health) {
        try {
            return json.writeValueAsString(HealthView.of(health));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("health view cannot be written", e);
        }
    }

    public Append.HealthRow row(UUID partnershipId, Health health) {
        var alerts = health.alerts().stream().map(Health.Alert::code).distinct().sorted().toList();
        var scores = new java.util.LinkedHashMap<String, Integer>();
        for (var d : org.rapport.domain.HealthDimension.values()) {
            scores.put(HealthView.key(d), health.score(d));
        }
        var summary = json.createObjectNode();
        summary.put("partnershipId", partnershipId.toString());
        summary.put("status", health.status().name());
        summary.putPOJO("overall", health.overall());
        summary.set("scores", json.valueToTree(scores));
        summary.set("alerts", json.valueToTree(alerts));
        summary.put("assessedAt", health.asOf().toString());
        summary.put("paramsVersion", health.paramsVersion());
        // What counts as a change: status, an integer score, the set of alerts, or the model that
        // assessed them (not the moment). A new model version is itself a health change: the view
        // it reassesses is published even when every score stays the same.
        var changeKey = health.paramsVersion() + "|" + health.status() + "|" + health.overall() + "|" + scores
                + "|" + alerts;
        return new Append.HealthRow(viewText(health), health.status().name(), health.overall(),
                alerts, health.asOf(), health.paramsVersion(), summary, changeKey, health.attention());
    }
}
