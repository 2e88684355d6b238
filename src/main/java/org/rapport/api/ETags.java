package org.rapport.api;

import java.util.OptionalLong;

/** Strong entity tags carrying a stream version: {@code "7"}. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names. Weak tags never match (strong comparison);
     * anything unreadable is answered 400.
     */
    /** The version an {@code If-Match} header names, as the recorder takes it: null when there is none. */
    public static Long expectedVersion(String header) {
        var expected = ifMatch(header);
        return expected.isPresent() ? expected.getAsLong() : null;
    }

    public static OptionalLong ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        var value = header.trim();
        if (value.equals("*")) {
            return OptionalLong.empty();
        }
        if (value.startsWith("W/")) {
            return OptionalLong.of(-1);
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw Problems.invalid("If-Match", "must be a strong entity tag such as \"3\"");
        }
        try {
            return OptionalLong.of(Long.parseLong(value.substring(1, value.length() - 1)));
        } catch (NumberFormatException e) {
            return OptionalLong.of(-1);
        }
    }
}
