package org.rapport.domain.health;

/** The alerts the health model raises, by the code they carry on the wire. */
public enum AlertCode {
    FUNDING_CLIFF, NO_MEETING, POST_VACANT,
    /** A pair rated low in the latest trust survey; funders see it without who rated whom. */
    LOW_TRUST_PAIR,
    TYPE_MISMATCH, HIGH_RISK_OPEN, NEW_LEADER_NOT_MET, NO_SENIOR_ATTENDANCE, GOAL_STALE, NO_SHARED_GOAL,
    NO_AGREEMENT, AGREEMENT_REVIEW_OVERDUE, NO_MEASURES, MEASURE_OVERDUE;

    /** Whether the alert names who rated whom in a trust survey, which funders never see. */
    public boolean revealsRatings() {
        return this == LOW_TRUST_PAIR;
    }
}
