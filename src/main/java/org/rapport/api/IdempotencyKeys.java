package org.rapport.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rapport.eventstore.IdempotencyKey;
import org.rapport.security.Caller;

/** Reads the {@code Idempotency-Key} header: scoped to the caller and the path, bound to the body. */
final class IdempotencyKeys {

    static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {
    }

    static IdempotencyKey of(String header, Caller caller, String path, JsonNode body) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_LENGTH) {
            throw Problems.invalid("Idempotency-Key", "must be 1 to " + MAX_LENGTH + " characters long");
        }
        return new IdempotencyKey(caller.subject(), path, header, sha256(body.toString()));
    }

    private static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
