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
import org.rapport.domain.health.HealthWindow;
import org.rapport.domain.health.HealthParams;
import org.rapport.eventstore.Append;
import org.rapport.eventstore.EventSerializer;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.StoredEvent;

/**
 * Assesses partnerships' health from their streams: after an append (for the stored view,
 * in the same statement as the events) and at any moment asked (time travel).
 */
@ApplicationScoped
public class HealthProjector {

    /** How far back the frequent kinds of event are read: {@link HealthWindow}. */
    static final Duration WINDOW = HealthWindow.LENGTH;

    private final EventStore store;
    private final EventSerializer serializer;
    private final ObjectMapper json;
    private final StreamHistories histories;

    public HealthProjector(EventStore store, EventSerializer serializer, ObjectMapper json,
            StreamHistories histories) {
        this.store = store;
        this.serializer = serializer;
        this.json = json;
        this.histories = histories;
    }

    public HealthParams params() {
        return HealthParams.CURRENT;
    }

    /** An assessment made for an append, and the stream history to keep once that append commits. */
    public record Assessed(Health health, StreamHistories.History next) {
    }

    /**
     * Health at {@code now} once {@code appended} (decided, not yet stored, directly following the
     * stream's current version) join the stream.
     */
    public Uni<Assessed> after(UUID partnershipId, List<HistoricEvent> appended, Instant now) {
        long before = appended.get(0).version() - 1;
        return historyAt(partnershipId, before, now).flatMap(history -> {
            var events = merge(history.at(now), appended);
            var from = HealthWindow.start(events, now);
            if (!from.isBefore(now.minus(WINDOW))) {
                return Uni.createFrom().item(new Assessed(assess(events, now), history.then(appended, now)));
            }
            // Paused or closed: the assessment reaches further back than the window kept.
            return store.readForHealth(partnershipId, EventStore.END_OF_TIME, null, from)
                    .map(stored -> new Assessed(assess(merge(stored.stream().filter(e -> e.version() <= before)
                            .map(serializer::historic).toList(), appended), now), history.then(appended, now)));
        });
    }

    /**
     * Keeps what an append was assessed over, and the state it left, once it has committed, for
     * the stream's next append.
     */
    public void committed(UUID partnershipId, Assessed assessed, Partnership after) {
        histories.committed(partnershipId, assessed.next().withState(after));
    }

    /** The stream as this instance last wrote it, when it holds it: its version and state. */
    public java.util.Optional<StreamHistories.History> written(UUID partnershipId) {
        return histories.written(partnershipId);
    }

    /**
     * The stream at {@code version}: kept from an earlier append when this instance made it, brought
     * forward when others have appended since, read whole otherwise.
     */
    private Uni<StreamHistories.History> historyAt(UUID partnershipId, long version, Instant now) {
        if (version == 0) {
            return Uni.createFrom().item(new StreamHistories.History(0, now.minus(WINDOW), List.of()));
        }
        var kept = histories.get(partnershipId).filter(h -> h.version() <= version && h.covers(now));
        if (kept.isPresent() && kept.get().version() == version) {
            return Uni.createFrom().item(kept.get());
        }
        if (kept.isPresent()) {
            var held = kept.get();
            return store.readStream(partnershipId, held.version() + 1, (int) (version - held.version()))
                    .flatMap(later -> {
                        if (later.size() != version - held.version()) {
                            return readWhole(partnershipId, version, now);
                        }
                        return Uni.createFrom().item(held.then(later.stream().map(serializer::historic).toList(), now));
                    });
        }
        return readWhole(partnershipId, version, now);
    }

    private Uni<StreamHistories.History> readWhole(UUID partnershipId, long version, Instant now) {
        var windowStart = now.minus(WINDOW);
        return store.readForHealth(partnershipId, EventStore.END_OF_TIME, null, windowStart)
                .map(stored -> new StreamHistories.History(version, windowStart, stored.stream()
                        .filter(e -> e.version() <= version).map(serializer::historic).toList()));
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
        var plain = earliest.minus(WINDOW);
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
     * Health at {@code now} from a whole stream already read, as {@link #at} would assess it: voided
     * events, voids and events not yet occurred left out. {@code history} is the stream's
     * events as the domain sees them, in the same order.
     */
    public Health assessStream(List<StoredEvent> stream, List<HistoricEvent> history, Instant now) {
        var counted = new java.util.ArrayList<HistoricEvent>(history.size());
        for (int i = 0; i < stream.size(); i++) {
            var e = stream.get(i);
            if (!e.voided() && !e.type().equals("EventVoided") && !e.occurredAt().isAfter(now)) {
                counted.add(history.get(i));
            }
        }
        return assess(counted, now);
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

    /** The partnership row a stream leads to: its state, its portfolio columns and its health. */
    public Append.ReadModel readModel(Partnership state, Health health) {
        return new Append.ReadModel(serializer.state(state), EventSerializer.partnerOrgs(state), state.name(),
                state.partnershipType().name(),
                state.partners().stream().map(p -> p.sector().name()).distinct().sorted().toList(),
                state.fundings().stream().map(Partnership.Funding::funderId).distinct().sorted().toList(),
                row(state.id(), health));
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
                alerts, health.asOf(), health.paramsVersion(), summary, changeKey);
    }
}
