package org.rapport.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.net.SocketException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rapport.domain.RuleBroken;
import org.rapport.ledger.RecordingRefused;

/** The one place where refusals from the inner layers become problem responses. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response ruleBroken(RuleBroken e) {
        var problem = Problems.builder(ProblemType.of(e.rule()), e.getMessage());
        if (e.offendingId() != null) {
            problem.with("offendingId", e.offendingId());
        }
        return problem.build().toResponse();
    }

    @ServerExceptionMapper
    public Response refused(RecordingRefused e) {
        HttpProblem problem = switch (e) {
            case RecordingRefused.PartnershipNotFound nf -> Problems.of(ProblemType.NOT_FOUND, e.getMessage());
            case RecordingRefused.NotAFounder nf -> Problems.of(ProblemType.NOT_A_FOUNDER, e.getMessage());
            case RecordingRefused.VersionMismatch vm -> Problems.builder(ProblemType.VERSION_MISMATCH, e.getMessage())
                    .withHeader("ETag", ETags.of(vm.currentVersion())).build();
            case RecordingRefused.EventIdConflict c -> Problems.builder(ProblemType.EVENT_ID_CONFLICT, e.getMessage())
                    .with("offendingId", c.eventId().toString()).build();
            case RecordingRefused.IdempotencyKeyReused r -> Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    e.getMessage());
            case RecordingRefused.Contended c -> Problems.of(ProblemType.WRITE_CONTENTION, e.getMessage());
            default -> Problems.of(ProblemType.INTERNAL, null);
        };
        return problem.toResponse();
    }

    /**
     * No valid token. Answered here rather than by the problem extension, whose own mapper for
     * these does not run on this Quarkus version.
     */
    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class,
        AuthenticationCompletionException.class}, priority = Priorities.AUTHENTICATION)
    public Response unauthenticated(RuntimeException e) {
        return Problems.builder(ProblemType.UNAUTHORIZED, "A valid bearer token is required.")
                .withHeader("WWW-Authenticate", "Bearer").build().toResponse();
    }

    @ServerExceptionMapper(value = ForbiddenException.class, priority = Priorities.AUTHENTICATION)
    public Response forbidden(ForbiddenException e) {
        return Problems.of(ProblemType.FORBIDDEN, "The token's roles do not allow this request.").toResponse();
    }

    /**
     * A body that is JSON but not the JSON asked for, caught while it is read (a field twice, a
     * value of the wrong type or format): a validation problem naming the field.
     */
    @ServerExceptionMapper(value = {com.fasterxml.jackson.databind.JsonMappingException.class,
        com.fasterxml.jackson.databind.exc.MismatchedInputException.class}, priority = Priorities.USER - 1)
    public Response unreadableBody(com.fasterxml.jackson.databind.JsonMappingException e) {
        var field = EventRequests.path(e);
        String message;
        var known = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                ? EventRequests.formatMessage(invalid) : java.util.Optional.<String>empty();
        if (known.isPresent()) {
            message = known.get();
        } else if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field '")) {
            var name = e.getOriginalMessage().substring("Duplicate field '".length()).replaceFirst("'.*", "");
            field = field.isEmpty() ? name : field + "." + name;
            message = "appears more than once";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            message = "is not a known field";
        } else {
            message = "has the wrong type or format";
        }
        return Problems.invalid(field, message).toResponse();
    }

    /**
     * The database could not be reached. Usually nothing was written, but a connection lost
     * during a commit leaves it unknown: the retry is safe with the same event ids or
     * Idempotency-Key, which answer the stored result if the first attempt did commit. A socket
     * refused, reset or unreachable while connecting is as unavailable as one that never answers.
     */
    @ServerExceptionMapper({SocketException.class, VertxException.class})
    public Response unreachable(Exception e) {
        if (e instanceof VertxException && !(e.getCause() instanceof SocketException)
                && !String.valueOf(e.getMessage()).contains("onnect")) {
            return Problems.of(ProblemType.INTERNAL, null).toResponse();
        }
        return unavailable();
    }

    @ServerExceptionMapper
    public Response pg(PgException e) {
        // 08xxx: connection exceptions; 57P0x: the server is shutting down or restarting.
        var state = String.valueOf(e.getSqlState());
        return state.startsWith("08") || state.startsWith("57P") ? unavailable()
                : Problems.of(ProblemType.INTERNAL, null).toResponse();
    }

    private static Response unavailable() {
        HttpProblem problem = Problems.builder(ProblemType.DATABASE_UNAVAILABLE,
                "The event store is unreachable. Retry after Retry-After seconds with the same eventId or "
                        + "Idempotency-Key: if this request was stored after all, the retry answers what was stored.").withHeader("Retry-After", 5).build();
        return problem.toResponse();
    }
}
