package org.rapport.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.domain.EventVoided;
import org.rapport.domain.FundingSecured;
import org.rapport.domain.ProposedEvent;
import org.rapport.domain.Rule;
import org.rapport.domain.RuleBroken;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.Partnership;
import org.rapport.domain.PartnershipDecider;
import org.rapport.domain.PartnershipFormed;
import org.rapport.domain.health.Health;
import org.rapport.eventstore.Append;
import org.rapport.eventstore.AppendConflict;
import org.rapport.eventstore.EventSerializer;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.IdempotencyKey;
import org.rapport.eventstore.NewEvent;
import org.rapport.eventstore.StoredEvent;
import org.rapport.eventstore.StreamHead;
import org.rapport.funders.FunderRegistry;
import org.rapport.health.HealthProjector;
import org.rapport.security.AccessPolicy;
import org.rapport.security.Caller;
import org.rapport.tracing.TraceContext;

/**
 * Records events into partnership streams: load the state, check the rules, append, all or none.
 *
 * <p>Concurrency is optimistic. The append fails whole when another writer took the same stream
 * version first; without {@code If-Match} the request is decided again on the new state, with it
 * the caller is told (412). A retry of a request already stored (same event ids, or same
 * {@code Idempotency-Key}) gets the stored result and writes nothing.
 */
@ApplicationScoped
public class Recorder {

    static final int MAX_ATTEMPTS = 50;

    /** A short random pause after losing a race, so racing writers spread out instead of colliding again. */
    static Duration backoff(int attempt) {
        long ceilingMillis = Math.min(1L << Math.min(attempt, 6), 50);
        return Duration.ofMillis(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ceilingMillis));
    }

    private final EventStore store;
    private final EventSerializer serializer;
    private final AccessPolicy access;
    private final Clock clock;
    private final HealthProjector health;
    private final FunderRegistry funders;
    private final Duration keyRetention;

    public Recorder(EventStore store, EventSerializer serializer, AccessPolicy access, Clock clock,
            HealthProjector health, FunderRegistry funders,
            @ConfigProperty(name = "rapport.idempotency.retention", defaultValue = "PT48H") Duration keyRetention) {
        this.store = store;
        this.serializer = serializer;
        this.access = access;
        this.clock = clock;
        this.health = health;
        this.funders = funders;
        this.keyRetention = keyRetention;
    }

    /** Forms a new partnership from a validated PartnershipFormed proposal. */
    public Uni<Recorded> form(Caller caller, Proposal proposal, IdempotencyKey key) {
        var formed = (PartnershipFormed) proposal.event().payload();
        if (!access.mayForm(caller, formed)) {
            return Uni.createFrom().failure(new RecordingRefused.NotAFounder(caller.orgId()));
        }
        return replayIfRemembered(caller, key).flatMap(remembered -> {
            if (remembered != null) {
                return Uni.createFrom().item(remembered);
            }
            var withId = proposal.event().eventId() == null ? proposal.withEventId(UUID.randomUUID()) : proposal;
            return store.readEvents(List.of(withId.event().eventId())).flatMap(known -> {
                if (!known.isEmpty()) {
                    return replay(caller, null, List.of(withId), known);
                }
                var partnershipId = UUID.randomUUID();
                var state = PartnershipDecider.evolve(null, partnershipId, 1, withId.event().occurredAt(), formed);
                return append(caller, partnershipId, null, state, List.of(withId), key)
                        .onFailure(AppendConflict.class).recoverWithUni(conflict -> form(caller, withId, key));
            });
        });
    }

    /** Records events into an existing partnership, atomically, in the order given. */
    public Uni<Recorded> record(Caller caller, UUID partnershipId, List<Proposal> proposals, Long ifMatch,
            IdempotencyKey key) {
        return withRegisteredFunders(withEventIds(proposals)).flatMap(resolved -> attempt(caller, partnershipId,
                resolved, ifMatch, key, 1));
    }

    /**
     * The health the partnership would have now were {@code proposals} recorded: refused exactly as
     * {@link #record} would refuse them (the same access, If-Match, validation and state rules),
     * but nothing is written, no idempotency key remembered, nothing published, and no health
     * facts kept (only a committed append may be built on). Events already stored under the
     * same ids and with the same bodies are a retry: they are in the stream already, so the
     * answer is the health now.
     */
    public Uni<Health> preview(Caller caller, UUID partnershipId, List<Proposal> proposals, Long ifMatch) {
        return withRegisteredFunders(withEventIds(proposals)).flatMap(resolved -> decide(caller, partnershipId,
                resolved, ifMatch).flatMap(decision -> {
                    var now = now();
                    if (!decision.known().isEmpty()) {
                        requireRetry(partnershipId, resolved, decision.known());
                        return health.at(partnershipId, now, null);
                    }
                    return health.after(decision.head(), historic(decision.head().version(), resolved), now)
                            .map(HealthProjector.Assessed::health);
                }));
    }

    private static List<Proposal> withEventIds(List<Proposal> proposals) {
        return proposals.stream().map(p -> p.event().eventId() == null ? p.withEventId(UUID.randomUUID()) : p)
                .toList();
    }

    /**
     * A FundingSecured may name only a registered funder; the name and kind it leaves out are the
     * registry's.
     */
    private Uni<List<Proposal>> withRegisteredFunders(List<Proposal> proposals) {
        var named = proposals.stream().map(p -> p.event().payload()).filter(FundingSecured.class::isInstance)
                .map(e -> ((FundingSecured) e).funder().funderId()).distinct().toList();
        if (named.isEmpty()) {
            return Uni.createFrom().item(proposals);
        }
        return funders.find(named).map(registered -> {
            var resolved = new ArrayList<Proposal>(proposals.size());
            for (var p : proposals) {
                if (p.event().payload() instanceof FundingSecured f) {
                    var funder = registered.get(f.funder().funderId());
                    if (funder == null) {
                        throw new RuleBroken(Rule.UNKNOWN_FUNDER, f.funder().funderId(), "Funder "
                                + f.funder().funderId() + " is not registered; register it with POST /admin/funders.");
                    }
                    var complete = new FundingSecured(f.fundingId(), new FundingSecured.Funder(funder.funderId,
                            f.funder().name() == null ? funder.name : f.funder().name(),
                            f.funder().kind() == null ? funder.kind : f.funder().kind()), f.amount(), f.currency(),
                            f.startsOn(), f.endsOn(), f.coreCosts());
                    var e = p.event();
                    resolved.add(new Proposal(new ProposedEvent(e.eventId(), e.occurredAt(), complete),
                            p.correlationId(), p.causationId(), p.evidenceUrl()));
                } else {
                    resolved.add(p);
                }
            }
            return List.copyOf(resolved);
        });
    }

    private Uni<Recorded> attempt(Caller caller, UUID partnershipId, List<Proposal> proposals, Long ifMatch,
            IdempotencyKey key, int attempt) {
        return replayIfRemembered(caller, key).flatMap(remembered -> {
            if (remembered != null) {
                return Uni.createFrom().item(remembered);
            }
            return decide(caller, partnershipId, proposals, ifMatch).flatMap(decision -> {
                if (!decision.known().isEmpty()) {
                    return replay(caller, partnershipId, proposals, decision.known());
                }
                return append(caller, partnershipId, decision.head(), decision.after(), proposals, key);
            }).onFailure(AppendConflict.class).recoverWithUni(conflict -> {
                // Another writer got there first: decide again on what it wrote. The next
                // attempt answers 412 when If-Match no longer holds, or replays when the
                // winner was this same request.
                if (attempt >= MAX_ATTEMPTS) {
                    return Uni.createFrom().failure(new RecordingRefused.Contended(partnershipId));
                }
                return Uni.createFrom().voidItem().onItem().delayIt().by(backoff(attempt))
                        .flatMap(x -> attempt(caller, partnershipId, proposals, ifMatch, key, attempt + 1));
            });
        });
    }

    /**
     * A request decided against the stream's head: the state its events lead to, or, when the log
     * already holds some of its event ids, those stored events (and no state).
     */
    private record Decision(StreamHead head, Partnership after, List<StoredEvent> known) {
    }

    /**
     * Decides a request on the stream as it is now: 404 for a partnership the caller may not
     * record in, the stored events when its ids are known (a retry, or a conflict), 412 when
     * If-Match no longer holds, and each event's rules in order.
     */
    private Uni<Decision> decide(Caller caller, UUID partnershipId, List<Proposal> proposals, Long ifMatch) {
        var ids = proposals.stream().map(p -> p.event().eventId()).toList();
        return store.head(partnershipId, ids, true).flatMap(found -> {
            var head = found.orElseThrow(() -> new RecordingRefused.PartnershipNotFound(partnershipId));
            var state = serializer.state(head.state());
            if (!access.mayRecord(caller, state)) {
                throw new RecordingRefused.PartnershipNotFound(partnershipId);
            }
            if (!head.knownEventIds().isEmpty()) {
                return store.readEvents(head.knownEventIds()).map(known -> new Decision(head, null, known));
            }
            if (ifMatch != null && ifMatch != head.version()) {
                throw new RecordingRefused.VersionMismatch(ifMatch, head.version());
            }
            return decideAll(head, state, proposals).map(after -> new Decision(head, after, List.of()));
        });
    }

    /**
     * Checks each proposal against the state left by the ones before it. A void needs the whole
     * stream (the state after it is the stream folded without the voided event), so only then is
     * the history read.
     */
    private Uni<Partnership> decideAll(StreamHead head, Partnership state, List<Proposal> proposals) {
        if (proposals.stream().noneMatch(p -> p.event().payload() instanceof EventVoided)) {
            return Uni.createFrom().item(() -> decideInOrder(head, state, proposals, null));
        }
        return store.readStream(head.partnershipId(), 1, Integer.MAX_VALUE).map(stored -> {
            var history = new ArrayList<HistoricEvent>(stored.size() + proposals.size());
            stored.forEach(e -> history.add(new HistoricEvent(e.eventId(), e.version(), e.occurredAt(),
                    serializer.payload(e))));
            return decideInOrder(head, state, proposals, history);
        });
    }

    private static Partnership decideInOrder(StreamHead head, Partnership state, List<Proposal> proposals,
            List<HistoricEvent> history) {
        var version = head.version();
        for (var proposal : proposals) {
            var event = proposal.event();
            version++;
            if (event.payload() instanceof EventVoided) {
                state = PartnershipDecider.decideVoid(head.partnershipId(), history, event);
            } else {
                PartnershipDecider.decide(state, event);
                state = PartnershipDecider.evolve(state, head.partnershipId(), version, event.occurredAt(),
                        event.payload());
            }
            if (history != null) {
                history.add(new HistoricEvent(event.eventId(), version, event.occurredAt(), event.payload()));
            }
        }
        return state;
    }

    /**
     * Appends the events after {@code head} (null: a new stream) with the read model they lead to
     * (state, portfolio columns, health facts, health), all in one statement.
     */
    private Uni<Recorded> append(Caller caller, UUID partnershipId, StreamHead head, Partnership after,
            List<Proposal> proposals, IdempotencyKey key) {
        var now = now();
        // Taken before the assessment: the request's span, which the stored events name.
        var trace = TraceContext.current();
        var events = proposals.stream().map(this::toNew).toList();
        long expectedVersion = head == null ? 0 : head.version();
        return health.after(head, historic(expectedVersion, proposals), now).flatMap(assessed -> {
            var append = new Append(partnershipId, expectedVersion, events, health.readModel(after, assessed),
                    now, caller.subject(), trace, key);
            return store.append(append).map(stored -> new Recorded(after, stored));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The proposals as the stream will hold them, directly after {@code version}. */
    private static List<HistoricEvent> historic(long version, List<Proposal> proposals) {
        var appended = new ArrayList<HistoricEvent>(proposals.size());
        for (int i = 0; i < proposals.size(); i++) {
            var e = proposals.get(i).event();
            appended.add(new HistoricEvent(e.eventId(), version + i + 1, e.occurredAt(), e.payload()));
        }
        return appended;
    }

    private NewEvent toNew(Proposal p) {
        return serializer.toNew(p.event(), p.correlationId(), p.causationId(), p.evidenceUrl());
    }

    /**
     * A request whose event ids are already stored: the same events again is a retry and gets the
     * stored result; anything else reusing those ids is a conflict.
     */
    private Uni<Recorded> replay(Caller caller, UUID partnershipId, List<Proposal> proposals,
            List<StoredEvent> known) {
        requireRetry(partnershipId, proposals, known);
        return storedResult(caller, known);
    }

    /** Refuses (409) a request reusing stored event ids unless it is exactly those stored events again. */
    private void requireRetry(UUID partnershipId, List<Proposal> proposals, List<StoredEvent> known) {
        if (known.size() != proposals.size()) {
            var knownIds = known.stream().map(StoredEvent::eventId).toList();
            var first = proposals.stream().map(p -> p.event().eventId()).filter(knownIds::contains).findFirst();
            throw new RecordingRefused.EventIdConflict(first.orElse(known.get(0).eventId()));
        }
        for (int i = 0; i < proposals.size(); i++) {
            var stored = known.get(i);
            if (!sameEvent(stored, partnershipId, toNew(proposals.get(i)))) {
                throw new RecordingRefused.EventIdConflict(proposals.get(i).event().eventId());
            }
        }
    }

    private static boolean sameEvent(StoredEvent stored, UUID partnershipId, NewEvent asked) {
        return Objects.equals(stored.eventId(), asked.eventId())
                && (partnershipId == null || stored.partnershipId().equals(partnershipId))
                && stored.type().equals(asked.type())
                && stored.occurredAt().equals(asked.occurredAt())
                && stored.data().equals(asked.data())
                && Objects.equals(stored.correlationId(), asked.correlationId())
                && Objects.equals(stored.causationId(), asked.causationId())
                && Objects.equals(stored.evidenceUrl(), asked.evidenceUrl());
    }

    private Uni<Recorded> replayIfRemembered(Caller caller, IdempotencyKey key) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return store.remembered(key, clock.instant().minus(keyRetention)).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            if (!found.get().requestHash().equals(key.requestHash())) {
                throw new RecordingRefused.IdempotencyKeyReused(key.key());
            }
            return store.readEvents(found.get().eventIds()).flatMap(events -> storedResult(caller, events));
        });
    }

    /** The answer a stored request got: its events, and the partnership's state as they left it. */
    private Uni<Recorded> storedResult(Caller caller, List<StoredEvent> events) {
        var first = events.get(0);
        if (serializer.payload(first) instanceof PartnershipFormed formed) {
            var state = PartnershipDecider.evolve(null, first.partnershipId(), first.version(), first.occurredAt(),
                    formed);
            if (!access.maySee(caller, state)) {
                throw new RecordingRefused.PartnershipNotFound(first.partnershipId());
            }
            return Uni.createFrom().item(new Recorded(state, events));
        }
        return store.head(first.partnershipId()).map(head -> {
            var state = head.map(h -> serializer.state(h.state())).orElse(null);
            if (state == null || !access.maySee(caller, state)) {
                throw new RecordingRefused.PartnershipNotFound(first.partnershipId());
            }
            return new Recorded(state, new ArrayList<>(events));
        });
    }
}
