package org.rapport.domain.health;

import static org.rapport.domain.HealthDimension.TRUST;

import java.util.ArrayList;
import java.util.List;
import org.rapport.domain.HealthDimension;
import org.rapport.domain.health.Health.Basis;
import org.rapport.domain.health.Health.Confidence;
import org.rapport.domain.health.Health.Dimension;
import org.rapport.domain.health.Health.NotAssessed;
import org.rapport.domain.health.Health.Reason;
import org.rapport.domain.health.Health.ReasonKind;

/**
 * Builds a dimension from its terms and adjustments: renormalised over the terms that apply,
 * adjusted, blended with a recent survey or health check, then capped. Each step is its own
 * reason, so a blend or a cap is never disguised as a penalty.
 */
final class Dimensions {

    private Dimensions() {
    }

    /**
     * An item in its grace is worth the benefit of the doubt times the grace left. The benefit is
     * "as good as the rest": the share the dimension's other terms earn (a missing item whose grace
     * has run out earns nothing), so the day an item becomes expected nothing moves; when every
     * term of the dimension is in its grace, {@code neutral}, the overall of the other dimensions.
     */
    static Dimension build(Context c, HealthDimension dimension, List<Term> terms, List<Adjustment> adjustments,
            Double neutral) {
        var applicable = terms.stream().filter(Term::applies).toList();
        var notAssessed = terms.stream().filter(t -> !t.applies()).map(t -> new NotAssessed(t.rule(), t.why())).toList();
        if (applicable.isEmpty()) {
            return new Dimension(null, Confidence.NONE, null, List.of(), notAssessed);
        }
        double weights = applicable.stream().mapToDouble(Term::weight).sum();
        var settled = applicable.stream().filter(t -> !t.inGrace()).toList();
        double settledWeights = settled.stream().mapToDouble(Term::weight).sum();
        double benefit = settledWeights > 0 ? settled.stream().mapToDouble(t -> t.weight() * t.settledValue()).sum()
                / settledWeights : neutral == null ? 1 : neutral;
        var reasons = new ArrayList<Reason>();
        double score = 0;
        for (var t : applicable) {
            double value = t.isMissing() ? benefit * t.grace() : t.value();
            double possible = t.weight() / weights * 100;
            double earned = possible * value;
            score += earned;
            reasons.add(new Reason(t.rule(), t.isMissing() ? ReasonKind.EXPECTED : ReasonKind.TERM, round1(earned),
                    round1(possible), t.eventIds(), t.isMissing() ? expected(c, dimension, t, benefit, settledWeights > 0)
                            : t.text()));
        }
        for (var a : adjustments) {
            if (a.points() != 0) {
                double before = score;
                score = clamp(score + a.points());
                if (Math.abs(score - before) < 0.05) {
                    continue;
                }
                reasons.add(new Reason(a.rule(), ReasonKind.ADJUSTMENT, round1(score - before), null, a.eventIds(),
                        a.text()));
            }
        }
        score = clamp(score);
        if (dimension == TRUST) {
            score = surveyBlend(c, score, reasons);
        }
        score = healthCheckBlend(c, dimension, score, reasons);
        for (var a : adjustments) {
            if (a.cap() != null && score > a.cap()) {
                reasons.add(new Reason(a.rule(), ReasonKind.CAP, round1(a.cap() - score), null, a.eventIds(),
                        "capped at " + a.cap() + ": " + a.text()));
                score = a.cap();
            }
        }
        if (dimension == TRUST) {
            score = lowTrustCaps(c, score, reasons);
        }
        double missing = applicable.stream().filter(Term::isMissing).mapToDouble(Term::weight).sum();
        var basis = missing * 2 > weights ? Basis.MISSING_RECORDS : Basis.OBSERVED;
        return new Dimension((int) Math.round(clamp(score)), confidence(c, dimension), basis, List.copyOf(reasons),
                notAssessed);
    }

    /** The latest trust survey, when recent, is blended half and half with the relationship score. */
    private static double surveyBlend(Context c, double score, List<Reason> reasons) {
        var survey = c.freshSurvey();
        if (survey == null) {
            return score;
        }
        var p = c.params;
        var responses = c.surveyResponses(survey);
        double mean = responses.stream().mapToDouble(r -> Context.meanRating(r.getValue())).average().orElse(1);
        double sv = (mean - 1) / 4 * 100;
        double blended = (1 - p.surveyWeight()) * score + p.surveyWeight() * sv;
        reasons.add(new Reason(HealthRule.TRUST_SURVEY.wire(), ReasonKind.BLEND, round1(blended - score), null,
                responses.stream().map(java.util.Map.Entry::getKey).toList(),
                "the latest trust survey (" + survey.on() + ", mean rating " + Context.rating(mean) + " of 5 = "
                        + Math.round(sv) + " of 100) blended " + (p.surveyWeight() == 0.5 ? "half and half"
                                : Context.percent(p.surveyWeight()) + " survey") + " with the score from meetings and"
                        + " changes, " + Math.round(score) + ": " + Math.round(blended)));
        return blended;
    }

    /** In the latest survey only, a pair rated below 3.0 caps trust at 74; below 2.0 at 49. */
    private static double lowTrustCaps(Context c, double score, List<Reason> reasons) {
        var survey = c.freshSurvey();
        if (survey == null) {
            return score;
        }
        var p = c.params;
        var low = c.surveyResponses(survey).stream().filter(r -> Context.meanRating(r.getValue()) < p.pairConcern())
                .min(java.util.Comparator.comparingDouble(r -> Context.meanRating(r.getValue())));
        if (low.isEmpty()) {
            return score;
        }
        var r = low.get();
        double pair = Context.meanRating(r.getValue());
        int cap = pair < p.pairCritical() ? p.pairCriticalCap() : p.pairConcernCap();
        if (score <= cap) {
            return score;
        }
        reasons.add(new Reason(HealthRule.LOW_TRUST_PAIR.wire(), ReasonKind.CAP, round1(cap - score), null, List.of(r.getKey()),
                "capped at " + cap + ": " + c.name(r.getValue().respondentOrg()) + " rated "
                        + c.name(r.getValue().ratedOrg()) + " " + Context.rating(pair) + " of 5 on average in the trust"
                        + " survey of " + survey.on()));
        return cap;
    }

    /** A recent health check's factors for this dimension, blended in before caps apply. */
    private static double healthCheckBlend(Context c, HealthDimension dimension, double score, List<Reason> reasons) {
        var calibration = calibrate(c, dimension);
        if (calibration == null) {
            return score;
        }
        var p = c.params;
        double blended = (1 - p.calibrationWeight()) * score + p.calibrationWeight() * calibration;
        reasons.add(new Reason(HealthRule.HEALTH_CHECK.wire(), ReasonKind.BLEND, round1(blended - score), null,
                List.of(c.facts.healthCheckOn.eventId()), "the " + c.facts.healthCheck.instrument() + " health check of "
                        + c.facts.healthCheckOn.on() + " (" + Math.round(calibration) + " of 100 for this dimension)"
                        + " blended " + Context.percent(p.calibrationWeight()) + " with the score from events "
                        + Math.round(score) + ": " + Math.round(blended)));
        return blended;
    }

    /** The health check's factors for this dimension, rescaled to 0-100; null when none applies. */
    static Double calibrate(Context c, HealthDimension dimension) {
        var check = c.facts.healthCheck;
        if (check == null || !c.fresh(c.facts.healthCheckOn.on(), c.params.calibrationMonths())) {
            return null;
        }
        double min = check.scaleMin().doubleValue();
        double max = check.scaleMax().doubleValue();
        return check.factorScores().stream()
                .filter(f -> Calibration.dimensionOf(check.instrument(), f) == dimension)
                .mapToDouble(f -> (f.mean().doubleValue() - min) / (max - min) * 100)
                .average().stream().boxed().findFirst().orElse(null);
    }

    static Confidence confidence(Context c, HealthDimension dimension) {
        boolean instrument = calibrate(c, dimension) != null || dimension == TRUST && c.latestSurvey() != null
                && c.fresh(c.latestSurvey().on(), 12);
        long recent = c.facts.evidence.getOrDefault(dimension, List.of()).stream()
                .filter(d -> c.fresh(d, 12)).count();
        if (instrument || recent >= 3) {
            return Confidence.HIGH;
        }
        return recent >= 1 ? Confidence.MEDIUM : Confidence.LOW;
    }

    /**
     * An expected item never recorded, in words: what is missing, since when, and the benefit of the
     * doubt it still has ("as good as the rest", fading over the grace days).
     */
    private static String expected(Context c, HealthDimension dimension, Term t, double benefit, boolean inDimension) {
        int days = c.params.graceDays();
        var since = t.text() + "; expected since day " + t.expectedFromDay();
        if (!t.inGrace()) {
            return since + (days > 0 ? ", and its " + days + " days of benefit of the doubt have run out" : "");
        }
        return since + ", it has the benefit of the doubt for " + days + " days: it counts as good as the rest of "
                + (inDimension ? Context.words(dimension) : "the partnership") + " (" + Context.percent(benefit)
                + "), with " + Context.percent(t.grace()) + " of that time left";
    }

    static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(100, score));
    }
}
