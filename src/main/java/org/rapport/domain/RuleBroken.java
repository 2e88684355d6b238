package org.rapport.domain;

/**
 * A proposed event contradicts what the partnership's history says so far; {@code offendingId}
 * names what is wrong (an organisation, a goal, a funding...).
 */
public final class RuleBroken extends RuntimeException {

    private final Rule rule;
    private final String offendingId;

    public RuleBroken(Rule rule, String offendingId, String detail) {
        super(detail, null, false, false);
        this.rule = rule;
        this.offendingId = offendingId;
    }

    public Rule rule() {
        return rule;
    }

    public String offendingId() {
        return offendingId;
    }
}
