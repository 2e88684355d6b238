package org.rapport.health;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.domain.EventCatalog;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.Partnership;
import org.rapport.domain.health.HealthWindow;

/**
 * The decoded events each recently written stream's health is assessed over, kept between
 * appends so that an append decodes only what it adds.
 *
 * <p>An entry is the stream as of one version. That is enough to stay right with any number of
 * service instances: the log is append-only and its versions are dense, so the stream up to a
 * version never changes, and a void is itself a later event. An entry one instance holds at
 * version 40 while another instance took the stream to 43 is brought forward by reading versions
 * 41 to 43 only. An entry is stored only once the append built on it has committed, which proves
 * nobody else wrote that version.
 *
 * <p>The cache is bounded by the number of events held: {@code rapport.health.cached-events}, by
 * default as many as a quarter of the heap holds; 0 turns it off, and every append then reads its
 * window from the database.
 */
@ApplicationScoped
public class StreamHistories {

    /**
     * A stream at {@code version}: its events still counted (not voided, voids left out) of every
     * structural kind, and of the frequent kinds those that occurred from {@code windowStart} on;
     * and, when this instance wrote that version, the state the stream folds to there (null
     * otherwise). The state at a version is as fixed as the events up to it.
     */
    public record History(long version, Instant windowStart, List<HistoricEvent> events, Partnership state) {

        public History(long version, Instant windowStart, List<HistoricEvent> events) {
            this(version, windowStart, events, null);
        }

        /** This entry, with the state its stream folds to at its version. */
        public History withState(Partnership state) {
            return new History(version, windowStart, events, state);
        }

        /** The events an assessment at {@code now} reads, as the database's health query would select them. */
        List<HistoricEvent> at(Instant now) {
            var from = now.minus(HealthProjector.WINDOW);
            var counted = new ArrayList<HistoricEvent>(events.size());
            for (var e : events) {
                if (!e.occurredAt().isAfter(now) && (!frequent(e) || !e.occurredAt().isBefore(from))) {
                    counted.add(e);
                }
            }
            return counted;
        }

        /** Whether this entry holds every event an assessment at {@code now} may read. */
        boolean covers(Instant now) {
            return !windowStart.isAfter(now.minus(HealthProjector.WINDOW));
        }

        /**
         * The stream after {@code later}, the events that directly follow this version, in order; a
         * void among them removes its target. Frequent events that have left the window at {@code now}
         * are dropped.
         */
        History then(List<HistoricEvent> later, Instant now) {
            var from = now.minus(HealthProjector.WINDOW);
            var start = windowStart.isAfter(from) ? windowStart : from;
            var inWindow = new ArrayList<HistoricEvent>(events.size());
            for (var e : events) {
                if (!frequent(e) || !e.occurredAt().isBefore(start)) {
                    inWindow.add(e);
                }
            }
            var version = later.isEmpty() ? this.version : later.get(later.size() - 1).version();
            return new History(version, start, List.copyOf(HealthProjector.merge(inWindow, later)));
        }

        static boolean frequent(HistoricEvent e) {
            return HealthWindow.frequent(EventCatalog.of(e.payload()).name());
        }
    }

    private final Cache<UUID, History> cache;
    private final boolean enabled;

    /** What an event held here costs on the heap, measured for a three-person meeting: about 270 bytes. */
    static final long BYTES_PER_EVENT = 300;

    /**
     * What a state held here counts for, in events: as JSON, a partnership's state is some 3 KB,
     * about twelve times an event.
     */
    static final int STATE_WEIGHT = 12;

    public StreamHistories(@ConfigProperty(name = "rapport.health.cached-events") java.util.Optional<Long> configured,
            MeterRegistry meters) {
        long capacity = configured.orElse(defaultCapacity(Runtime.getRuntime().maxMemory()));
        this.enabled = capacity > 0;
        this.cache = Caffeine.newBuilder().maximumWeight(Math.max(capacity, 1))
                .weigher((UUID id, History h) -> h.events().size() + 1 + (h.state() == null ? 0 : STATE_WEIGHT))
                .recordStats().build();
        meters.gauge("rapport.health.cached.streams", cache, c -> c.estimatedSize());
        meters.more().counter("rapport.health.cache.hits", io.micrometer.core.instrument.Tags.empty(), cache,
                c -> c.stats().hitCount());
        meters.more().counter("rapport.health.cache.misses", io.micrometer.core.instrument.Tags.empty(), cache,
                c -> c.stats().missCount());
    }

    /** A quarter of the heap: with a 128 MB heap, about 110,000 events. */
    static long defaultCapacity(long maxHeapBytes) {
        return maxHeapBytes / 4 / BYTES_PER_EVENT;
    }

    public Optional<History> get(UUID partnershipId) {
        return enabled ? Optional.ofNullable(cache.getIfPresent(partnershipId)) : Optional.empty();
    }

    /**
     * The history held, when this instance wrote its version (it carries the state). A look
     * before the append's own lookup, so not counted as a hit or a miss: each append counts once.
     */
    public Optional<History> written(UUID partnershipId) {
        return enabled ? Optional.ofNullable(cache.policy().getIfPresentQuietly(partnershipId))
                .filter(h -> h.state() != null) : Optional.empty();
    }

    /** Lets go of every history held; each is read again on its stream's next append here. */
    public void clear() {
        cache.invalidateAll();
    }

    /** Keeps {@code history} once the append that led to it has committed, unless a later one is already kept. */
    public void committed(UUID partnershipId, History history) {
        if (enabled) {
            cache.asMap().merge(partnershipId, history, (held, offered) -> offered.version() > held.version() ? offered
                    : held);
        }
    }
}
