package org.rapport.api;

import io.vertx.core.json.JsonObject;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The HTTP layer refuses an over-long body before any resource sees it; this answers that
 * refusal as a problem like every other.
 */
@ApplicationScoped
public class BodyTooLarge {

    private final long maxBodySize;

    public BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            var length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBodySize) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private static void refuse(RoutingContext ctx) {
        var type = ProblemType.BODY_TOO_LARGE;
        var body = new JsonObject().put("type", type.uri().toString()).put("title", type.title())
                .put("status", type.status()).put("detail", type.explanation())
                .put("instance", ctx.request().path());
        var response = ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json");
        if (ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            // HTTP/1: the rest of the body is not read, so the connection cannot carry another
            // request. HTTP/2 forbids the header: the stream ends, the connection stays.
            response.putHeader("Connection", "close");
        }
        response.end(body.encode());
    }
}
