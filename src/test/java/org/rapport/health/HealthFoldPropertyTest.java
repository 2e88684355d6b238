package org.rapport.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.domain.EventVoided;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.PartnerJoined;
import org.rapport.domain.PartnerLeft;
import org.rapport.domain.PartnerRole;
import org.rapport.domain.PartnershipEvent;
import org.rapport.domain.PartnershipFormed;
import org.rapport.domain.PartnershipPaused;
import org.rapport.domain.PartnershipResumed;
import org.rapport.domain.Sector;
import org.rapport.domain.health.HealthAssessor;
import org.rapport.domain.health.HealthFacts;
import org.rapport.domain.health.HealthFold;
import org.rapport.domain.health.HealthParams;
import org.rapport.domain.health.HistoryGenerator;

/**
 * The fold's promise, over 1,000 seeded histories (a failure names its seed): appends that move
 * the kept facts forward one batch at a time, through the row's JSON and back, keep exactly the
 * facts and give exactly the health that folding the whole stream gives, which is also what time
 * travel assesses from the events. The histories have events recorded late and dated ahead,
 * voids, pauses and resumptions, partners leaving and rejoining, and trust surveys.
 */
class HealthFoldPropertyTest {

    static final int HISTORIES = 1_000;
    static final HealthFactsCodec CODEC = new HealthFactsCodec(JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());

    /** An event as recorded: the moment it was appended at. */
    record Recorded(HistoricEvent event, Instant recordedAt) {
    }

    @Test
    void folding_append_by_append_gives_the_facts_and_health_of_the_whole_stream() {
        var refolds = new EnumMap<HealthFold.Refold, Integer>(HealthFold.Refold.class);
        int appends = 0;
        for (long seed = 1; seed <= HISTORIES; seed++) {
            appends += check(seed, refolds);
        }
        int refolded = refolds.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%d appends over %d histories, %d folded the stream again: %s%n", appends, HISTORIES,
                refolded, refolds);
        assertThat(refolds.keySet()).as("every reason to fold again was met")
                .contains(HealthFold.Refold.VOID, HealthFold.Refold.LATE_EVENT, HealthFold.Refold.EVENT_AHEAD);
        assertThat(refolded).as("most appends move the kept facts forward").isLessThan(appends / 2);
    }

    private static int check(long seed, EnumMap<HealthFold.Refold, Integer> refolds) {
        var random = new Random(seed);
        var stream = recording(seed, random);
        String kept = null;
        var counted = new ArrayList<HistoricEvent>();
        var voided = new HashSet<UUID>();
        int i = 0;
        int appends = 0;
        while (i < stream.size()) {
            int size = 1 + random.nextInt(3);
            var batch = new ArrayList<HistoricEvent>();
            Instant now = null;
            for (int j = i; j < Math.min(stream.size(), i + size); j++) {
                batch.add(stream.get(j).event());
                now = stream.get(j).recordedAt();
            }
            i += batch.size();
            appends++;
            for (var e : batch) {
                if (e.payload() instanceof EventVoided v) {
                    voided.add(v.voidedEventId());
                } else {
                    counted.add(e);
                }
            }
            counted.removeIf(e -> voided.contains(e.eventId()));

            var advanced = HealthFold.advance(CODEC.read(kept).orElse(null), batch, now);
            HealthFacts facts;
            if (advanced.facts() != null) {
                facts = advanced.facts();
                kept = CODEC.write(facts);
            } else {
                refolds.merge(advanced.refold(), 1, Integer::sum);
                facts = HealthFold.fold(counted, now);
                kept = HealthFold.keepable(counted, now) ? CODEC.write(facts) : null;
            }
            var whole = HealthFold.fold(counted, now);
            sameText(CODEC.write(facts), CODEC.write(whole), "facts after append " + appends + ", seed " + seed);
            if (appends % 5 == 0 || i == stream.size()) {
                var health = HealthAssessor.assess(facts, now, HealthParams.CURRENT);
                assertThat(health).as("health after append %d, seed %d", appends, seed)
                        .isEqualTo(HealthAssessor.assess(whole, now, HealthParams.CURRENT))
                        .isEqualTo(HealthAssessor.assess(counted, now, HealthParams.CURRENT));
            }
        }
        return appends;
    }

    /** Equal texts, or a failure that shows where they part (the facts are several kilobytes). */
    private static void sameText(String actual, String expected, String what) {
        if (actual.equals(expected)) {
            return;
        }
        int at = 0;
        while (at < Math.min(actual.length(), expected.length()) && actual.charAt(at) == expected.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 120);
        throw new AssertionError(what + " differ at " + at + ":\n folded:  ..."
                + actual.substring(from, Math.min(actual.length(), at + 120)) + "\n whole:   ..."
                + expected.substring(from, Math.min(expected.length(), at + 120)));
    }

    /**
     * A generated history (about three years, some longer than the window) with pauses, partners
     * leaving and rejoining and voids added, each event recorded at a moment of its own: mostly
     * the same day, some weeks late, some up to a day before it is dated.
     */
    private static List<Recorded> recording(long seed, Random random) {
        var formedOn = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(400));
        var until = formedOn.plusDays(300 + random.nextInt(1200));
        var generated = new HistoryGenerator(seed, "f" + seed).history(formedOn, until, 20 + random.nextInt(40));
        var dated = new ArrayList<Dated>();
        generated.forEach(d -> dated.add(new Dated(noon(d.on()), d.event(), d.eventId())));
        var formed = (PartnershipFormed) generated.get(0).event();
        var orgs = formed.foundingPartners().stream().map(o -> o.orgId()).toList();
        // Pauses and resumptions, and a partner who leaves and comes back.
        for (int p = random.nextInt(3); p > 0; p--) {
            var on = formedOn.plusDays(30 + random.nextInt((int) (until.toEpochDay() - formedOn.toEpochDay())));
            dated.add(new Dated(noon(on), new PartnershipPaused("a break", null), UUID.randomUUID()));
            dated.add(new Dated(noon(on.plusDays(5 + random.nextInt(90))), new PartnershipResumed(), UUID.randomUUID()));
        }
        if (random.nextBoolean()) {
            var org = orgs.get(random.nextInt(orgs.size()));
            var on = formedOn.plusDays(20 + random.nextInt(200));
            dated.add(new Dated(noon(on), new PartnerLeft(org, PartnerLeft.Reason.values()[random.nextInt(6)]),
                    UUID.randomUUID()));
            dated.add(new Dated(noon(on.plusDays(30 + random.nextInt(300))), new PartnerJoined(org, org,
                    Sector.VOLUNTARY, PartnerRole.values()[random.nextInt(PartnerRole.values().length)], "back"),
                    UUID.randomUUID()));
        }
        dated.sort(Comparator.comparing(Dated::occurredAt));
        // When each was recorded: the formation first, then mostly at once, some late, some ahead.
        var recorded = new ArrayList<Recorded>();
        for (int k = 0; k < dated.size(); k++) {
            var d = dated.get(k);
            var at = d.occurredAt().plus(Duration.ofMinutes(random.nextInt(600)));
            if (k > 0) {
                int roll = random.nextInt(20);
                if (roll == 0) {
                    at = d.occurredAt().plus(Duration.ofDays(10 + random.nextInt(60)));
                } else if (roll == 1) {
                    at = d.occurredAt().minus(Duration.ofHours(1 + random.nextInt(20)));
                }
            }
            recorded.add(new Recorded(new HistoricEvent(d.eventId(), 0, d.occurredAt(), d.event()), at));
        }
        var first = recorded.remove(0);
        recorded.sort(Comparator.comparing(Recorded::recordedAt));
        recorded.add(0, first);
        // Voids of earlier events, recorded straight after something else.
        var withVoids = new ArrayList<Recorded>();
        for (var r : recorded) {
            withVoids.add(r);
            if (withVoids.size() > 3 && random.nextInt(15) == 0) {
                var target = withVoids.get(1 + random.nextInt(withVoids.size() - 1)).event();
                if (!(target.payload() instanceof EventVoided)) {
                    withVoids.add(new Recorded(new HistoricEvent(UUID.randomUUID(), 0, r.recordedAt(),
                            new EventVoided(target.eventId(), "recorded in error")), r.recordedAt()));
                }
            }
        }
        // Versions in stream order, and each append's moment never before the one before it.
        var stream = new ArrayList<Recorded>();
        Instant clock = Instant.MIN;
        for (var r : withVoids) {
            clock = r.recordedAt().isAfter(clock) ? r.recordedAt() : clock;
            var e = r.event();
            stream.add(new Recorded(new HistoricEvent(e.eventId(), stream.size() + 1, e.occurredAt(), e.payload()),
                    clock));
        }
        return stream;
    }

    private record Dated(Instant occurredAt, PartnershipEvent event, UUID eventId) {
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
