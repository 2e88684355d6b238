package org.rapport.health;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stored health views this instance has read lately, as JSON text, so that a health read
 * fetches the row's small columns and not its ~12 KB view when the view has not changed.
 *
 * <p>It is right with any number of instances because nothing is served from here unread: every
 * read still asks the database for the row's version, assessment moment and parameters version,
 * and the database answers the view itself unless those three equal the ones held. A view is a
 * function of the stream up to a version (the log is append-only, a void is a later version),
 * the moment assessed at and the model's parameters, so equal keys mean an equal view whichever
 * instance wrote it, by an append, the daily reassessment or a rebuild.
 *
 * <p>Bounded by the characters held: {@code rapport.health.cached-views}, by default an eighth of
 * the heap; 0 turns it off.
 */
@ApplicationScoped
public class StoredViews {

    /** A view and what identifies it. */
    public record View(long version, Instant assessedAt, String paramsVersion, String text) {
    }

    private final Cache<UUID, View> cache;
    private final boolean enabled;
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong fetched = new AtomicLong();

    public StoredViews(@ConfigProperty(name = "rapport.health.cached-views") Optional<MemorySize> configured,
            MeterRegistry meters) {
        long capacity = configured.map(MemorySize::asLongValue).orElse(Runtime.getRuntime().maxMemory() / 8);
        this.enabled = capacity > 0;
        this.cache = Caffeine.newBuilder().maximumWeight(Math.max(capacity, 1))
                .weigher((UUID id, View v) -> 64 + v.text().length()).build();
        meters.more().counter("rapport.health.views.reused", Tags.empty(), reused, AtomicLong::get);
        meters.more().counter("rapport.health.views.fetched", Tags.empty(), fetched, AtomicLong::get);
    }

    /** The view held for a partnership, to name in the read so the database can leave it out. */
    public Optional<View> held(UUID partnershipId) {
        return enabled ? Optional.ofNullable(cache.getIfPresent(partnershipId)) : Optional.empty();
    }

    /** Lets go of every view held; each is fetched whole on its next read here. */
    public void clear() {
        cache.invalidateAll();
    }

    /**
     * The view the database answered for: {@code text} when it sent one (kept for next time),
     * else the one held, which it found identical.
     */
    public String resolve(UUID partnershipId, Optional<View> held, long version, Instant assessedAt,
            String paramsVersion, String text) {
        if (text != null) {
            fetched.incrementAndGet();
            if (enabled && assessedAt != null) {
                cache.put(partnershipId, new View(version, assessedAt, paramsVersion, text));
            }
            return text;
        }
        var view = held.filter(v -> v.version() == version && v.assessedAt().equals(assessedAt)
                && v.paramsVersion().equals(paramsVersion));
        if (view.isEmpty()) {
            return null;
        }
        reused.incrementAndGet();
        return view.get().text();
    }
}
