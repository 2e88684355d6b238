package org.rapport.devstack;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.domain.ProposedEvent;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.FeedCursor;
import org.rapport.funders.FunderRegistry;
import org.rapport.ledger.Proposal;
import org.rapport.ledger.Recorder;
import org.rapport.security.Caller;

/**
 * Records dev mode's demonstration portfolio ({@link DemoStories}) through the same use case a
 * client's request goes through: each event decided against the partnership's state, stored,
 * assessed and relayed to Kafka. Only into an empty event log.
 */
@ApplicationScoped
public class DemoPortfolio {

    /** Events recorded per request, as a client would batch them. */
    static final int BATCH = 50;

    private static final Caller DEMO = new Caller("dev-demo", null, null, Set.of(Caller.ADMIN));

    private final Recorder recorder;
    private final FunderRegistry funders;
    private final EventStore store;
    private final Clock clock;

    public DemoPortfolio(Recorder recorder, FunderRegistry funders, EventStore store, Clock clock) {
        this.recorder = recorder;
        this.funders = funders;
        this.store = store;
        this.clock = clock;
    }

    /** Records the portfolio when the log holds no event; answers each story's partnership, or none. */
    public Uni<Map<String, UUID>> recordIfEmpty() {
        return store.readAll(FeedCursor.START, 1).flatMap(page -> page.events().isEmpty() ? record()
                : Uni.createFrom().item(Map.<String, UUID>of()));
    }

    /** Records the six stories, told as of today; answers each story's partnership by its title. */
    public Uni<Map<String, UUID>> record() {
        var today = LocalDate.now(clock);
        var stories = new DemoStories(today).all();
        return registerFunders().chain(() -> Multi.createFrom().iterable(stories)
                .onItem().transformToUniAndConcatenate(story -> tell(story).map(id -> Map.entry(story.title(), id)))
                .collect().asList()
                .map(entries -> {
                    var ids = new LinkedHashMap<String, UUID>();
                    entries.forEach(e -> ids.put(e.getKey(), e.getValue()));
                    return (Map<String, UUID>) ids;
                }));
    }

    private Uni<Void> registerFunders() {
        return Multi.createFrom().iterable(DemoStories.FUNDERS)
                .onItem().transformToUniAndConcatenate(f -> funders.register(f.funderId(), f.name(), f.kind())
                        .replaceWithVoid()
                        .onFailure(FunderRegistry.AlreadyRegistered.class).recoverWithItem((Void) null))
                .collect().last().replaceWithVoid();
    }

    private Uni<UUID> tell(DemoStories.Story story) {
        var proposals = story.timeline().events.stream()
                .map(e -> new Proposal(new ProposedEvent(e.eventId(), e.occurredAt(), e.payload()), null, null, null))
                .toList();
        return recorder.form(DEMO, proposals.get(0), null).flatMap(formed -> {
            var id = formed.partnership().id();
            var rest = proposals.subList(1, proposals.size());
            var batches = new ArrayList<List<Proposal>>();
            for (int i = 0; i < rest.size(); i += BATCH) {
                batches.add(rest.subList(i, Math.min(rest.size(), i + BATCH)));
            }
            return Multi.createFrom().iterable(batches)
                    .onItem().transformToUniAndConcatenate(batch -> recorder.record(DEMO, id, batch, null, null))
                    .collect().last().replaceWith(id);
        });
    }
}
