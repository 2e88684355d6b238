package org.rapport.publish;

/** The topic names of the contract. */
public final class Topics {

    public static final String EVENTS = "partnership-events";
    public static final String HEALTH = "partnership-health";

    private Topics() {
    }

    public static String funderEvents(String funderId) {
        return "funder." + funderId + "." + EVENTS;
    }

    public static String funderHealth(String funderId) {
        return "funder." + funderId + "." + HEALTH;
    }
}
