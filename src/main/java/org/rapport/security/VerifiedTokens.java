package org.rapport.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens verified by smallrye-jwt's own parser, each verification remembered for a short
 * while; every other way of reading a token is the parser's, unchanged.
 *
 * <p>A client sends the same token with every request, and checking an RS256 signature costs more
 * than a health read itself. A token is taken from memory only as it was verified (same string,
 * same key), and only until it expires, and never longer than {@code rapport.security.verified-token-ttl}
 * (so a key taken out of service stops being honoured within that time); 0 verifies every request.
 * At most {@code rapport.security.verified-tokens} (2,000, a few megabytes) are kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    private final Cache<String, JsonWebToken> verified;
    private final boolean enabled;
    private final AtomicLong verifications = new AtomicLong();
    private final AtomicLong reuses = new AtomicLong();

    public VerifiedTokens(JWTAuthContextInfo context,
            @ConfigProperty(name = "rapport.security.verified-token-ttl", defaultValue = "PT1M") Duration ttl,
            @ConfigProperty(name = "rapport.security.verified-tokens", defaultValue = "2000") long capacity,
            MeterRegistry meters) {
        super(context);
        this.enabled = !ttl.isZero() && capacity > 0;
        this.verified = Caffeine.newBuilder().maximumSize(Math.max(capacity, 1))
                .expireAfterWrite(ttl.isZero() ? Duration.ofMillis(1) : ttl).build();
        meters.more().counter("rapport.security.token.verifications", List.<Tag>of(), verifications,
                AtomicLong::get);
        meters.more().counter("rapport.security.token.reuses", List.<Tag>of(), reuses, AtomicLong::get);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        var known = enabled ? verified.getIfPresent(token) : null;
        if (known != null && unexpired(known)) {
            reuses.incrementAndGet();
            return known;
        }
        verifications.incrementAndGet();
        var fresh = super.parse(token);
        if (!enabled) {
            return fresh;
        }
        verified.put(token, fresh);
        return fresh;
    }

    private static boolean unexpired(JsonWebToken token) {
        return token.getExpirationTime() * 1000 > System.currentTimeMillis();
    }
}
