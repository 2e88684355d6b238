package org.rapport.domain.health;

import static org.rapport.domain.HealthDimension.*;

import java.util.Map;
import org.rapport.domain.HealthCheckCompleted.FactorScore;
import org.rapport.domain.HealthCheckCompleted.Instrument;
import org.rapport.domain.HealthDimension;

/**
 * Which health dimension each published instrument's factor informs: Wilder's six categories and
 * their 22 factors, Nuffield's six principles, PSAT's sections; TPI and CUSTOM factors say so.
 */
final class Calibration {

    private static final Map<String, HealthDimension> WILDER = Map.ofEntries(
            Map.entry("ENVIRONMENT", ALIGNMENT), Map.entry("HISTORY_OF_COLLABORATION", ALIGNMENT),
            Map.entry("LEGITIMATE_LEADER", ALIGNMENT), Map.entry("FAVORABLE_CLIMATE", ALIGNMENT),
            Map.entry("MEMBERSHIP", TRUST), Map.entry("MUTUAL_RESPECT", TRUST), Map.entry("CROSS_SECTION", TRUST),
            Map.entry("SELF_INTEREST", TRUST), Map.entry("ABILITY_TO_COMPROMISE", TRUST),
            Map.entry("PROCESS_STRUCTURE", GOVERNANCE), Map.entry("SHARED_STAKE", GOVERNANCE),
            Map.entry("MULTIPLE_LAYERS", GOVERNANCE), Map.entry("FLEXIBILITY", GOVERNANCE),
            Map.entry("CLEAR_ROLES", GOVERNANCE), Map.entry("ADAPTABILITY", GOVERNANCE),
            Map.entry("APPROPRIATE_PACE", GOVERNANCE), Map.entry("EVALUATION_AND_LEARNING", GOVERNANCE),
            Map.entry("COMMUNICATION", ENGAGEMENT), Map.entry("OPEN_COMMUNICATION", ENGAGEMENT),
            Map.entry("INFORMAL_RELATIONSHIPS", ENGAGEMENT),
            Map.entry("PURPOSE", ALIGNMENT), Map.entry("CONCRETE_GOALS", ALIGNMENT),
            Map.entry("SHARED_VISION", ALIGNMENT), Map.entry("UNIQUE_PURPOSE", ALIGNMENT),
            Map.entry("RESOURCES", SUSTAINABILITY), Map.entry("SUFFICIENT_RESOURCES", SUSTAINABILITY),
            Map.entry("SKILLED_LEADERSHIP", SUSTAINABILITY), Map.entry("ENGAGED_STAKEHOLDERS", SUSTAINABILITY));

    private static final Map<String, HealthDimension> NUFFIELD = Map.of("P1", ALIGNMENT, "P2", ALIGNMENT,
            "P3", ENGAGEMENT, "P4", TRUST, "P5", GOVERNANCE, "P6", MOMENTUM);

    private static final Map<String, HealthDimension> PSAT = Map.of("SYNERGY", ALIGNMENT, "LEADERSHIP", GOVERNANCE,
            "ADMINISTRATION", GOVERNANCE, "DECISION_MAKING", GOVERNANCE, "RESOURCES", SUSTAINABILITY,
            "BENEFITS", ENGAGEMENT, "SATISFACTION", ENGAGEMENT);

    private Calibration() {
    }

    static HealthDimension dimensionOf(Instrument instrument, FactorScore factor) {
        return switch (instrument) {
            case WILDER -> WILDER.get(factor.code());
            case NUFFIELD -> NUFFIELD.get(factor.code());
            case PSAT -> PSAT.get(factor.code());
            case TPI, CUSTOM -> factor.dimension();
        };
    }
}
