package org.rapport.domain.health;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules of the health model, each with the name it has on the wire: the {@code rule} of a
 * reason or of a term not assessed, and a term's rule among what a next step addresses. Code
 * outside the model names a rule by its constant and compares {@link #wire()} with the answers.
 *
 * <p>{@link #COVERAGE} is the one name two dimensions share, as on the wire: in alignment, the
 * partners endorsing the primary goal; in governance, the matters an agreement covers.
 */
public enum HealthRule {

    // Trust
    RELATIONSHIP("relationship"),
    LEADERSHIP_CHANGE("leadership-change"),
    GOAL_ENDORSED_BY_ALL("goal-endorsed-by-all"),
    RELATIONSHIP_RISK_OPEN("relationship-risk-open"),
    PARTNER_LEFT_IN_CONFLICT("partner-left-in-conflict"),
    CORE_FUNDING_ENDED_WITHOUT_PLAN("core-funding-ended-without-plan"),
    /** The latest trust survey blended into trust; funders see it without who rated whom. */
    TRUST_SURVEY("trust-survey"),
    /** A pair rated low in the latest trust survey caps trust; funders see it without who rated whom. */
    LOW_TRUST_PAIR("low-trust-pair"),

    // Alignment
    COVERAGE("coverage"),
    FRESHNESS("freshness"),
    SINGLE_GOAL("single-goal"),
    TYPE_UNDERSTOOD("type-understood"),
    CAPABILITY("capability"),
    TYPE_MISMATCH("type-mismatch"),

    // Governance (and COVERAGE)
    AGREEMENT("agreement"),
    CHAIR("chair"),
    FORUM("forum"),
    RISK("risk"),

    // Sustainability
    RUNWAY("runway"),
    PLAN("plan"),
    CAPACITY("capacity"),
    DIVERSITY("diversity"),
    FUNDING_CLIFF("funding-cliff"),

    // Engagement
    SENIOR("senior"),
    BREADTH("breadth"),
    LAYERS("layers"),
    CROSS_SECTOR("cross-sector"),
    COMMITMENT("commitment"),
    VACANCY("vacancy"),

    // Momentum
    MEASURES_DEFINED("measures-defined"),
    MEASURES_CURRENT("measures-current"),
    MEASURES_DIRECTION("measures-direction"),
    MILESTONES("milestones"),
    SCALE("scale"),

    // Any dimension
    /** A recent health check's factors blended into a dimension. */
    HEALTH_CHECK("health-check"),
    /** Nothing is assessed before the partnership was formed. */
    FORMATION("formation");

    private final String wire;

    HealthRule(String wire) {
        this.wire = wire;
    }

    /** The rule's name in the answers, e.g. {@code "low-trust-pair"}. */
    public String wire() {
        return wire;
    }

    /** Whether the rule's reason names who rated whom in a trust survey, which funders never see. */
    public boolean revealsRatings() {
        return this == TRUST_SURVEY || this == LOW_TRUST_PAIR;
    }

    /** The rule of that name in the answers, if any. */
    public static Optional<HealthRule> ofWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
    }
}
