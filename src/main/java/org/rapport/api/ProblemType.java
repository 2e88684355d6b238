package org.rapport.api;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.rapport.domain.Rule;

/**
 * Every problem type the API answers with: a stable {@code /problems/<slug>} URI, its status and
 * the explanation served at that URI. Rules about a partnership's state come from the domain.
 */
public record ProblemType(String slug, int status, String title, String explanation) {

    public static final ProblemType VALIDATION = new ProblemType("validation", 400, "Invalid request",
            "The request breaks rules that need no knowledge of the partnership: see errors[] for each field.");
    public static final ProblemType MALFORMED = new ProblemType("malformed-request", 400, "Malformed request",
            "The request body is not valid JSON, or a header or parameter cannot be read.");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", 401, "Not authenticated",
            "A valid bearer token (MicroProfile JWT, RS256) is required.");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Forbidden",
            "The token's roles do not allow this request.");
    public static final ProblemType NOT_A_FOUNDER = new ProblemType("not-a-founder", 403, "Not a founder",
            "A partner may form a partnership only with its own organisation among the founding partners.");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found",
            "Nothing is here, or nothing the caller may see.");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405,
            "Method not allowed", "This path does not answer this HTTP method.");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 406, "Not acceptable",
            "The service cannot answer in the media type the Accept header asks for.");
    public static final ProblemType EVENT_ID_CONFLICT = new ProblemType("event-id-conflict", 409,
            "Event id already used", "An event with this eventId is already stored with a different body.");
    public static final ProblemType FUNDER_EXISTS = new ProblemType("funder-exists", 409, "Funder already registered",
            "A funder with this funderId is already registered.");
    public static final ProblemType WRITE_CONTENTION = new ProblemType("write-contention", 409, "Write contention",
            "Many writers changed this partnership at once and the request could not be placed; retry it.");
    public static final ProblemType VERSION_MISMATCH = new ProblemType("version-mismatch", 412, "Version mismatch",
            "If-Match named a version the partnership has moved on from; nothing was written. Read it again.");
    public static final ProblemType BODY_TOO_LARGE = new ProblemType("body-too-large", 413, "Body too large",
            "The request body is larger than the service accepts.");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 415,
            "Unsupported media type", "Send the body as application/json.");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused", 422,
            "Idempotency-Key reused", "This Idempotency-Key was used for a different request by the same caller.");
    public static final ProblemType INTERNAL = new ProblemType("internal-error", 500, "Internal error",
            "The service failed unexpectedly; nothing about the request is known to be wrong.");
    public static final ProblemType DATABASE_UNAVAILABLE = new ProblemType("database-unavailable", 503,
            "Database unavailable", "The event store cannot be reached; retry after the Retry-After delay.");

    private static final ProblemType[] GENERAL = {MALFORMED, VALIDATION, UNAUTHORIZED, FORBIDDEN, NOT_A_FOUNDER,
        NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, EVENT_ID_CONFLICT, FUNDER_EXISTS, WRITE_CONTENTION, VERSION_MISMATCH,
        BODY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, IDEMPOTENCY_KEY_REUSED, INTERNAL, DATABASE_UNAVAILABLE};

    public static ProblemType of(Rule rule) {
        return new ProblemType(rule.slug(), 409, rule.title(), rule.explanation());
    }

    public static Stream<ProblemType> all() {
        return Stream.concat(Arrays.stream(GENERAL), Arrays.stream(Rule.values()).map(ProblemType::of));
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return all().filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** The type for a status answered without one of ours (framework errors); 400 is then a malformed request. */
    public static ProblemType forStatus(int status) {
        return Arrays.stream(GENERAL).filter(t -> t.status == status).findFirst()
                .orElse(status >= 500 ? INTERNAL : MALFORMED);
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }
}
