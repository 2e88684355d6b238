package org.rapport.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a follower of the global feed stands: the last (transaction, position) it has read.
 * Clients see it as an opaque string.
 */
public record FeedCursor(long txId, long position) {

    public static final FeedCursor START = new FeedCursor(0, 0);
    private static final String PREFIX = "v1:";

    public String encode() {
        var raw = PREFIX + txId + ":" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static Optional<FeedCursor> decode(String cursor) {
        try {
            var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!raw.startsWith(PREFIX)) {
                return Optional.empty();
            }
            var parts = raw.substring(PREFIX.length()).split(":");
            if (parts.length != 2) {
                return Optional.empty();
            }
            long txId = Long.parseLong(parts[0]);
            long position = Long.parseLong(parts[1]);
            return txId < 0 || position < 0 ? Optional.empty() : Optional.of(new FeedCursor(txId, position));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
