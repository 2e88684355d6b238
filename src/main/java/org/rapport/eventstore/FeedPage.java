package org.rapport.eventstore;

import java.util.List;

/** A page of the global feed and where to resume after it. */
public record FeedPage(List<StoredEvent> events, FeedCursor next) {
}
