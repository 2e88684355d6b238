package org.rapport.domain.health;

import static org.rapport.domain.HealthDimension.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.HistoricEvent;
import org.rapport.domain.health.Health.Alert;
import org.rapport.domain.health.Health.Basis;
import org.rapport.domain.health.Health.Confidence;
import org.rapport.domain.health.Health.Dimension;
import org.rapport.domain.health.Health.NotAssessed;
import org.rapport.domain.health.Health.Severity;
import org.rapport.domain.health.Health.Status;

/**
 * {@code assess(events, asOf, params)}: a partnership's health from the events that had occurred
 * by {@code asOf}. Each rule is a small named function: a term (its weight, its value in 0..1 or
 * "not assessed" and why, the events behind it) or an adjustment, blend, cap or alert.
 *
 * <p>Evidence before judgement: a term applies only when its subject exists, or when its
 * absence has become a real gap (by age, by partnership type, by presence); the weights of a
 * dimension are renormalised over the terms that apply, and a dimension with none is null. An
 * item expected by age and still absent keeps a fading benefit of the doubt (grace), so nothing
 * changes overnight on the day it becomes expected.
 */
public final class HealthAssessor {

    private HealthAssessor() {
    }

    /**
     * The events are those of one partnership, voided ones and voids already left out; the ones
     * after {@code asOf} are ignored here.
     */
    public static Health assess(List<HistoricEvent> events, Instant asOf, HealthParams params) {
        return assess(HealthFacts.of(occurredBy(events, asOf)), asOf, params);
    }

    /** The health the context's facts lead to on its day, without next steps; {@code c} null: not formed yet. */
    static Health assess(Context c, Instant asOf, HealthParams params) {
        if (c == null) {
            // Asked about a moment before the partnership was formed (or known to be).
            var none = new EnumMap<HealthDimension, Dimension>(HealthDimension.class);
            for (var d : HealthDimension.values()) {
                none.put(d, new Dimension(null, Confidence.NONE, null, List.of(),
                        List.of(new NotAssessed(HealthRule.FORMATION.wire(), "the partnership had not been formed"))));
            }
            return new Health(asOf, params.version(), Status.NOT_ENOUGH_DATA,
                    List.of("the partnership had not been formed by then"), null, Map.copyOf(none), List.of(), List.of());
        }
        var dimensions = new EnumMap<HealthDimension, Dimension>(HealthDimension.class);
        var pending = new EnumMap<HealthDimension, List<Term>>(HealthDimension.class);
        var terms = new EnumMap<HealthDimension, List<Term>>(HealthDimension.class);
        terms.put(TRUST, TrustRules.terms(c));
        terms.put(ALIGNMENT, AlignmentRules.terms(c));
        terms.put(GOVERNANCE, GovernanceRules.terms(c));
        terms.put(SUSTAINABILITY, SustainabilityRules.terms(c));
        terms.put(ENGAGEMENT, EngagementRules.terms(c));
        terms.put(MOMENTUM, MomentumRules.terms(c));
        // Never score what was not observed: with nothing recorded anywhere but the formation, a
        // dimension of expected items alone is not scored (its alerts prompt the records).
        boolean observed = terms.values().stream().flatMap(List::stream).anyMatch(t -> t.applies() && !t.isMissing());
        // A dimension whose every term is in its grace is weighed against the others: its benefit
        // of the doubt is "as good as the rest of the partnership".
        for (var e : terms.entrySet()) {
            boolean missingOnly = e.getValue().stream().noneMatch(t -> t.applies() && !t.isMissing());
            if (!observed && missingOnly) {
                dimensions.put(e.getKey(), unobserved(e.getValue()));
            } else if (e.getValue().stream().anyMatch(t -> t.applies() && !t.inGrace())) {
                dimensions.put(e.getKey(), dimension(c, e.getKey(), e.getValue(), null));
            } else {
                pending.put(e.getKey(), e.getValue());
            }
        }
        var observedOverall = overall(dimensions, params);
        pending.forEach((d, t) -> dimensions.put(d, observedOverall == null ? unobserved(t)
                : dimension(c, d, t, observedOverall / 100.0)));

        var overall = overall(dimensions, params);
        var alerts = Alerts.of(c);
        var statusReasons = new ArrayList<String>();
        Status status;
        if (c.frozen != null) {
            status = c.frozen;
            statusReasons.add(c.frozenWhy);
        } else {
            status = status(c, dimensions, overall, alerts, statusReasons);
        }
        return new Health(asOf, params.version(), status, List.copyOf(statusReasons), overall, Map.copyOf(dimensions),
                alerts, List.of());
    }

    /**
     * The health of a partnership whose facts were folded from the events that had occurred by
     * {@code asOf} ({@link HealthFold}): the same answer as {@link #assess(List, Instant, HealthParams)}
     * over those events. The facts are first let go of what has left the window at {@code asOf}.
     */
    public static Health assess(HealthFacts facts, Instant asOf, HealthParams params) {
        var c = context(facts, asOf, params);
        var health = assess(c, asOf, params);
        if (c == null || c.frozen != null) {
            return health;
        }
        return new Health(health.asOf(), health.paramsVersion(), health.status(), health.statusReasons(),
                health.overall(), health.dimensions(), health.alerts(), NextSteps.of(c, asOf, health));
    }

    /**
     * What the rules read at {@code asOf}: the facts of the events that had occurred by then and
     * the day assessed; null before formation. A closed partnership is assessed as of its closing
     * day; a paused one as of its pause, over what had occurred by then (a pause stops the clock).
     */
    static Context context(List<HistoricEvent> events, Instant asOf, HealthParams params) {
        return context(HealthFacts.of(occurredBy(events, asOf)), asOf, params);
    }

    /** The context of facts folded up to {@code asOf}, pruned to the window of that moment. */
    static Context context(HealthFacts facts, Instant asOf, HealthParams params) {
        if (facts.formedOn == null) {
            return null;
        }
        facts.prune(windowFrom(facts, asOf));
        if (facts.closedOn != null) {
            return new Context(facts, facts.closedOn, facts.clock(), params, Status.CLOSED, "closed on "
                    + facts.closedOn + ": its health is kept as it was that day");
        }
        if (facts.pausedOn != null) {
            var pausedOn = facts.pausedOn;
            var held = facts.held;
            return new Context(held, pausedOn, held.clock(), params, Status.PAUSED, "paused on " + pausedOn
                    + ": its health is held as it was that day until it resumes");
        }
        return new Context(facts, asOf.atZone(ZoneOffset.UTC).toLocalDate(), facts.clock(), params, null, null);
    }

    /**
     * The earliest moment from which an assessment at {@code asOf} needs the frequent events
     * (meetings, surveys, measure values, health checks) when those older than {@code window}
     * are left unread: {@code window} before the day assessed, in active days. A pause stops the
     * clock, so a paused partnership is assessed as of its pause day and every pause reaches
     * further back; a closed one as of its closing day.
     */
    public static Instant windowStart(List<HistoricEvent> events, Instant asOf, java.time.Duration window) {
        if (events.stream().noneMatch(e -> e.payload() instanceof org.rapport.domain.PartnershipPaused
                || e.payload() instanceof org.rapport.domain.PartnershipClosed)) {
            return asOf.minus(window);
        }
        return windowStart(HealthFacts.of(occurredBy(events, asOf)), asOf, window);
    }

    /** {@link #windowStart(List, Instant, java.time.Duration)} from the facts folded up to {@code asOf}. */
    static Instant windowStart(HealthFacts facts, Instant asOf, java.time.Duration window) {
        var plain = asOf.minus(window);
        if (facts.formedOn == null || facts.closedOn == null && facts.pausedAt == null && facts.pauses.isEmpty()) {
            return plain;
        }
        var anchor = facts.closedOn != null ? facts.closedOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : facts.pausedAt != null ? facts.pausedAt : asOf;
        var day = anchor.atZone(ZoneOffset.UTC).toLocalDate();
        var start = anchor.minus(window).minus(java.time.Duration.ofDays(facts.clock().pausedBefore(day)));
        return start.isBefore(plain) ? start : plain;
    }

    /** The first day whose frequent events an assessment at {@code asOf} reads: that of {@link HealthWindow}'s start. */
    static java.time.LocalDate windowFrom(HealthFacts facts, Instant asOf) {
        return windowStart(facts, asOf, HealthWindow.LENGTH).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static List<HistoricEvent> occurredBy(List<HistoricEvent> events, Instant moment) {
        return events.stream().filter(e -> !e.occurredAt().isAfter(moment)).toList();
    }

    /**
     * Never score what was not observed: with nothing recorded anywhere to weigh a benefit of the
     * doubt against, a dimension of expected items alone is not scored; its alerts prompt the records.
     */
    private static Dimension unobserved(List<Term> terms) {
        return new Dimension(null, Confidence.NONE, null, List.of(), terms.stream().map(t -> new NotAssessed(t.rule(),
                t.applies() ? t.text() + "; nothing has been recorded yet to score it against" : t.why())).toList());
    }

    private static Dimension dimension(Context c, HealthDimension d, List<Term> terms, Double neutral) {
        return Dimensions.build(c, d, terms, switch (d) {
            case TRUST -> TrustRules.adjustments(c);
            case ALIGNMENT -> AlignmentRules.adjustments(c);
            case SUSTAINABILITY -> SustainabilityRules.adjustments(c);
            case ENGAGEMENT -> EngagementRules.adjustments(c);
            case GOVERNANCE, MOMENTUM -> List.of();
        }, neutral);
    }

    // --- Overall and status --------------------------------------------------------------------

    static Integer overall(Map<HealthDimension, Dimension> dimensions, HealthParams p) {
        return weighted(dimensions, p, d -> true);
    }

    private static Integer weighted(Map<HealthDimension, Dimension> dimensions, HealthParams p,
            java.util.function.Predicate<Dimension> counted) {
        double sum = 0;
        double weights = 0;
        for (var e : dimensions.entrySet()) {
            if (e.getValue().score() != null && counted.test(e.getValue())) {
                double w = p.overallWeights().get(e.getKey());
                sum += w * e.getValue().score();
                weights += w;
            }
        }
        return weights == 0 ? null : (int) Math.round(sum / weights);
    }

    /**
     * RED reads only what was observed: a dimension low only for missing records does not make a
     * partnership RED (its alert and grace already prompt the record). {@code why} receives the
     * rule(s) that set the status, in words.
     */
    static Status status(Context c, Map<HealthDimension, Dimension> dimensions, Integer overall, List<Alert> alerts,
            List<String> why) {
        var p = c.params;
        long scored = dimensions.values().stream().filter(d -> d.score() != null).count();
        if (c.age() < p.notEnoughDataDays() || c.facts.meetings.isEmpty() || scored < p.minimumDimensions()) {
            if (c.age() < p.notEnoughDataDays()) {
                why.add("the partnership is " + c.age() + (c.age() == 1 ? " day" : " days") + " old; a status is given"
                        + " from day " + p.notEnoughDataDays());
            }
            if (c.facts.meetings.isEmpty()) {
                why.add("no meeting has been recorded yet");
            }
            if (scored < p.minimumDimensions()) {
                why.add("only " + scored + " of the 6 dimensions can be scored so far; " + p.minimumDimensions()
                        + " are needed");
            }
            return Status.NOT_ENOUGH_DATA;
        }
        Map<HealthDimension, Dimension> weak = new EnumMap<>(HealthDimension.class);
        dimensions.forEach((d, dim) -> {
            if (dim.score() != null && dim.score() < p.dimensionFloor()) {
                weak.put(d, dim);
            }
        });
        var weakObserved = weak.entrySet().stream().filter(e -> e.getValue().basis() == Basis.OBSERVED)
                .map(Map.Entry::getKey).toList();
        var weakMissing = weak.entrySet().stream().filter(e -> e.getValue().basis() == Basis.MISSING_RECORDS)
                .map(Map.Entry::getKey).toList();
        var observedOverall = weighted(dimensions, p, d -> d.basis() == Basis.OBSERVED);
        var critical = alerts.stream().filter(a -> a.severity() == Severity.CRITICAL).toList();
        var high = alerts.stream().filter(a -> a.severity() == Severity.HIGH).toList();
        var medium = alerts.stream().filter(a -> a.severity() == Severity.MEDIUM || a.severity() == Severity.LOW).toList();
        boolean red = false;
        if (observedOverall != null && observedOverall < p.red()) {
            why.add("the overall score over what was observed is " + observedOverall + ", below " + p.red());
            red = true;
        }
        if (!critical.isEmpty()) {
            why.add(count(critical.size(), "critical alert") + " open: " + codes(critical));
            red = true;
        }
        if (weakObserved.size() >= 2) {
            why.add(scores(dimensions, weakObserved) + " are below " + p.dimensionFloor());
            red = true;
        }
        if (red) {
            if (!weakMissing.isEmpty()) {
                why.add(missingRecords(dimensions, weakMissing, p.dimensionFloor(), "do not count towards RED"));
            }
            return Status.RED;
        }
        if (overall >= p.green() && weak.isEmpty() && high.isEmpty()) {
            why.add(0, "overall " + overall + ", no dimension below " + p.dimensionFloor()
                    + " and no high or critical alert" + (medium.isEmpty() ? ""
                            : "; " + count(medium.size(), "lesser alert") + " to talk about: " + codes(medium)));
            return Status.GREEN;
        }
        if (overall < p.green()) {
            why.add(0, "overall " + overall + " is below the " + p.green() + " needed for GREEN" + (overall < p.red()
                    && observedOverall != null ? "; over what was observed it is " + observedOverall + ", so not RED"
                    : ""));
        }
        if (weakObserved.size() == 1) {
            why.add(scores(dimensions, weakObserved) + " is below " + p.dimensionFloor());
        }
        if (!weakMissing.isEmpty()) {
            why.add(missingRecords(dimensions, weakMissing, p.dimensionFloor(), "hold back GREEN but cannot make it RED"));
        }
        if (!high.isEmpty()) {
            why.add(count(high.size(), "high alert") + " open: " + codes(high));
        }
        if (!medium.isEmpty()) {
            why.add(count(medium.size(), "lesser alert") + " open: " + codes(medium));
        }
        return Status.AMBER;
    }

    /** "momentum 28 is below 50 and rests mostly on records not yet made, so it ...": {@code effect} in the plural. */
    private static String missingRecords(Map<HealthDimension, Dimension> dimensions, List<HealthDimension> which,
            int floor, String effect) {
        boolean one = which.size() == 1;
        return scores(dimensions, which) + (one ? " is" : " are") + " below " + floor + " and " + (one ? "rests" : "rest")
                + " mostly on records not yet made, so " + (one ? "it " + singular(effect) : "they " + effect);
    }

    private static String singular(String effect) {
        return effect.replace("do not", "does not").replace("hold back", "holds back");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** "no agreement, no senior attendance (3)": each code in words, with how many when more than one. */
    private static String codes(List<Alert> alerts) {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        alerts.forEach(a -> counts.merge(Context.words(AlertCode.valueOf(a.code())), 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + ")" : "")).toList());
    }

    private static String scores(Map<HealthDimension, Dimension> dimensions, List<HealthDimension> which) {
        return String.join(" and ", which.stream().map(d -> Context.words(d) + " " + dimensions.get(d).score()).toList());
    }

}
