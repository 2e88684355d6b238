package org.rapport.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A published assessment instrument was completed. Factor codes are the instrument's own:
 * Wilder's six categories or 22 factors, Nuffield's six principles, PSAT's sections; TPI and
 * CUSTOM factors name the health dimension they inform.
 */
public record HealthCheckCompleted(Instrument instrument, Integer respondents, BigDecimal scaleMin,
        BigDecimal scaleMax, List<FactorScore> factorScores) implements PartnershipEvent {

    public enum Instrument {
        WILDER(Set.of("ENVIRONMENT", "MEMBERSHIP", "PROCESS_STRUCTURE", "COMMUNICATION", "PURPOSE", "RESOURCES",
                "HISTORY_OF_COLLABORATION", "LEGITIMATE_LEADER", "FAVORABLE_CLIMATE", "MUTUAL_RESPECT",
                "CROSS_SECTION", "SELF_INTEREST", "ABILITY_TO_COMPROMISE", "SHARED_STAKE", "MULTIPLE_LAYERS",
                "FLEXIBILITY", "CLEAR_ROLES", "ADAPTABILITY", "APPROPRIATE_PACE", "EVALUATION_AND_LEARNING",
                "OPEN_COMMUNICATION", "INFORMAL_RELATIONSHIPS", "CONCRETE_GOALS", "SHARED_VISION", "UNIQUE_PURPOSE",
                "SUFFICIENT_RESOURCES", "SKILLED_LEADERSHIP", "ENGAGED_STAKEHOLDERS")),
        PSAT(Set.of("SYNERGY", "LEADERSHIP", "ADMINISTRATION", "DECISION_MAKING", "RESOURCES", "BENEFITS",
                "SATISFACTION")),
        NUFFIELD(Set.of("P1", "P2", "P3", "P4", "P5", "P6")),
        TPI(Set.of()),
        CUSTOM(Set.of());

        private final Set<String> codes;

        Instrument(Set<String> codes) {
            this.codes = codes;
        }

        /** TPI and CUSTOM factors are free codes that carry their dimension explicitly. */
        public boolean namesItsDimensions() {
            return codes.isEmpty();
        }

        public boolean knows(String code) {
            return namesItsDimensions() || codes.contains(code);
        }
    }

    /** The mean score of one factor, from {@code n} answers. */
    public record FactorScore(String code, BigDecimal mean, Integer n, HealthDimension dimension) {
    }

    @Override
    public void validate(Validation v) {
        v.required("instrument", instrument);
        v.range("respondents", respondents, 1, 100_000);
        v.required("scaleMin", scaleMin);
        v.required("scaleMax", scaleMax);
        boolean scale = scaleMin != null && scaleMax != null;
        if (scale && scaleMin.compareTo(scaleMax) >= 0) {
            v.fail("scaleMax", "must be greater than scaleMin");
            scale = false;
        }
        boolean inScale = scale;
        v.list("factorScores", factorScores, 1, Limits.LIST, (at, f) -> {
            at.ref("code", f.code());
            if (instrument != null && f.code() != null && !instrument.knows(f.code())) {
                at.fail("code", "is not a factor of " + instrument);
            }
            if (at.required("mean", f.mean()) && inScale
                    && (f.mean().compareTo(scaleMin) < 0 || f.mean().compareTo(scaleMax) > 0)) {
                at.fail("mean", "must lie within the scale " + scaleMin + " to " + scaleMax);
            }
            at.range("n", f.n(), 1, 100_000);
            if (instrument != null && instrument.namesItsDimensions()) {
                at.required("dimension", f.dimension());
            } else if (f.dimension() != null) {
                at.fail("dimension", "is given by the instrument itself");
            }
        });
        if (factorScores != null) {
            v.distinct("factorScores", factorScores.stream().map(f -> f == null ? null : f.code()).toList());
        }
    }
}
