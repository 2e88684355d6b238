package org.rapport.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.rapport.domain.Partnership;
import org.rapport.eventstore.EventSerializer;
import org.rapport.eventstore.EventStore;
import org.rapport.eventstore.FeedCursor;
import org.rapport.eventstore.FeedPage;
import org.rapport.eventstore.StoredEvent;
import org.rapport.security.AccessPolicy;
import org.rapport.security.Caller;

/** Reads partnerships and their events, showing each caller only what it may see. */
@ApplicationScoped
public class Reader {

    private final EventStore store;
    private final EventSerializer serializer;
    private final AccessPolicy access;

    public Reader(EventStore store, EventSerializer serializer, AccessPolicy access) {
        this.store = store;
        this.serializer = serializer;
        this.access = access;
    }

    /** The state, without who rated whom for callers who may not see survey responses. */
    public Uni<Partnership> partnership(Caller caller, UUID id) {
        return store.head(id).map(head -> head.map(h -> serializer.state(h.state()))
                .filter(state -> access.maySee(caller, state))
                .map(state -> access.maySeeSurveyResponses(caller) ? state : state.withoutSurveyResponses())
                .orElseThrow(() -> new RecordingRefused.PartnershipNotFound(id)));
    }

    /** A page of a stream as the caller may see it, and the version to read from next. */
    public record StreamPage(List<StoredEvent> events, long next) {
    }

    public Uni<StreamPage> stream(Caller caller, UUID id, long fromVersion, int limit) {
        return partnership(caller, id).flatMap(p -> store.readStream(id, fromVersion, limit)).map(events -> {
            long next = events.isEmpty() ? fromVersion : events.get(events.size() - 1).version() + 1;
            var visible = access.maySeeSurveyResponses(caller) ? events
                    : events.stream().filter(e -> !isSurveyResponse(e)).toList();
            return new StreamPage(visible, next);
        });
    }

    public Uni<StoredEvent> event(Caller caller, UUID id, UUID eventId) {
        return partnership(caller, id).flatMap(p -> store.readEvent(id, eventId))
                .map(found -> found.filter(e -> access.maySeeSurveyResponses(caller) || !isSurveyResponse(e))
                        .orElseThrow(() -> new RecordingRefused.PartnershipNotFound(id)));
    }

    public Uni<FeedPage> feed(Caller caller, FeedCursor after, int limit) {
        var scope = access.scope(caller);
        return store.readAll(after, limit, scope.memberOrg(), scope.funderId(), scope.hideSurveyResponses());
    }

    private static boolean isSurveyResponse(StoredEvent event) {
        return org.rapport.domain.EventCatalog.isSurveyResponse(event.type());
    }
}
