package org.rapport.domain;

/**
 * The rules about a partnership's state that an event can break. Each slug is a stable problem
 * type clients can switch on; the explanation is what the problem page says.
 */
public enum Rule {
    PARTNERSHIP_ALREADY_FORMED("partnership-already-formed", "Partnership already formed",
            "A partnership is formed once; its later history is recorded as events."),
    PARTNERSHIP_NOT_FORMED("partnership-not-formed", "Partnership not formed",
            "Events are recorded into a partnership that has been formed."),
    OCCURRED_BEFORE_FORMATION("occurred-before-formation", "Event before formation",
            "An event cannot have happened (occurredAt, by calendar day, UTC) before the partnership was formed."),
    NOT_A_PARTNER("not-a-partner", "Not a partner",
            "The organisation named is not a current partner of this partnership.");

    private final String slug;
    private final String title;
    private final String explanation;

    Rule(String slug, String title, String explanation) {
        this.slug = slug;
        this.title = title;
        this.explanation = explanation;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }
}
