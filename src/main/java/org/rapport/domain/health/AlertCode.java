package org.rapport.domain.health;

/**
 * The alerts the health model raises, by the code they carry on the wire, each with a short
 * phrase that a partnership manager understands without the model's page (the condition of
 * each is in domain-model.md, "Alerts").
 */
public enum AlertCode {
    FUNDING_CLIFF("Funding ends soon with no agreed plan to continue"),
    NO_MEETING("No meeting of all the partners recently"),
    POST_VACANT("A senior post has been vacant for over a month"),
    /** A pair rated low in the latest trust survey; funders see it without who rated whom. */
    LOW_TRUST_PAIR("Low trust between two partners"),
    TYPE_MISMATCH("Partners understand the type of partnership differently"),
    HIGH_RISK_OPEN("A serious risk has been open for over two months"),
    NEW_LEADER_NOT_MET("A new senior leader has not met the partnership yet"),
    NO_SENIOR_ATTENDANCE("A partner has had no senior person at a meeting lately"),
    GOAL_STALE("The shared goal has not been revisited for a year"),
    NO_SHARED_GOAL("No shared goal agreed yet"),
    NO_AGREEMENT("No partnership agreement in force"),
    AGREEMENT_REVIEW_OVERDUE("The partnership agreement is past its review date"),
    NO_MEASURES("No measures of success defined yet"),
    MEASURE_OVERDUE("A measure of success has not been updated when due");

    private final String label;

    AlertCode(String label) {
        this.label = label;
    }

    /** The alert in plain words, for a portfolio, a badge or an export. */
    public String label() {
        return label;
    }

    /** Whether the alert names who rated whom in a trust survey, which funders never see. */
    public boolean revealsRatings() {
        return this == LOW_TRUST_PAIR;
    }
}
