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
    PARTNERSHIP_CLOSED("partnership-closed", "Partnership closed",
            "A closed partnership accepts only EventVoided (to correct a mistaken event, the closure included)."),
    OCCURRED_BEFORE_FORMATION("occurred-before-formation", "Event before formation",
            "An event cannot have happened (occurredAt, by calendar day, UTC) before the partnership was formed."),
    NOT_A_PARTNER("not-a-partner", "Not a partner",
            "The organisation named is not a current partner of this partnership."),
    ALREADY_A_PARTNER("already-a-partner", "Already a partner",
            "The organisation is already a current partner of this partnership."),
    TOO_FEW_PARTNERS("too-few-partners", "Too few partners",
            "A partnership keeps at least two partners; close it instead."),
    SURVEY_RESPONSE_EXISTS("survey-response-exists", "Survey response already recorded",
            "This respondent already rated this organisation in this survey."),
    GOAL_EXISTS("goal-exists", "Goal already agreed",
            "A goal with this goalId was already agreed; revise it instead."),
    UNKNOWN_GOAL("unknown-goal", "Unknown goal",
            "No goal with this goalId was agreed in this partnership."),
    GOAL_NOT_ACTIVE("goal-not-active", "Goal retired",
            "The goal named was retired."),
    PRIMARY_GOAL_EXISTS("primary-goal-exists", "Primary goal already active",
            "A partnership has one primary goal at a time: retire or revise the active one first."),
    AGREEMENT_EXISTS("agreement-exists", "Agreement already signed",
            "An agreement with this agreementId was already signed."),
    UNKNOWN_AGREEMENT("unknown-agreement", "Unknown agreement",
            "No agreement with this agreementId was signed in this partnership."),
    AGREEMENT_NOT_IN_FORCE("agreement-not-in-force", "Agreement not in force",
            "The agreement named has already ended."),
    UNKNOWN_FUNDER("unknown-funder", "Unknown funder",
            "A FundingSecured may name only a funder registered with POST /admin/funders."),
    FUNDING_EXISTS("funding-exists", "Funding already recorded",
            "Funding with this fundingId was already secured."),
    UNKNOWN_FUNDING("unknown-funding", "Unknown funding",
            "No funding with this fundingId was secured in this partnership."),
    FUNDING_NOT_ACTIVE("funding-not-active", "Funding not active",
            "The funding named has already ended."),
    MEASURE_EXISTS("measure-exists", "Measure already defined",
            "A measure with this measureId was already defined."),
    UNKNOWN_MEASURE("unknown-measure", "Unknown measure",
            "No measure with this measureId was defined in this partnership."),
    MEASURE_NOT_ACTIVE("measure-not-active", "Measure retired",
            "The measure named was retired."),
    MEASURE_PERIOD_RECORDED("measure-period-recorded", "Period already recorded",
            "A measure has one value per period; this period already has one."),
    MILESTONE_EXISTS("milestone-exists", "Milestone already set",
            "A milestone with this milestoneId was already set."),
    UNKNOWN_MILESTONE("unknown-milestone", "Unknown milestone",
            "No milestone with this milestoneId was set in this partnership."),
    MILESTONE_NOT_OPEN("milestone-not-open", "Milestone not open",
            "The milestone named was already reached or dropped."),
    PILOT_EXISTS("pilot-exists", "Pilot already started",
            "A pilot with this pilotId was already started."),
    UNKNOWN_PILOT("unknown-pilot", "Unknown pilot",
            "No pilot with this pilotId was started in this partnership."),
    RISK_EXISTS("risk-exists", "Risk already raised",
            "A risk with this riskId was already raised."),
    UNKNOWN_RISK("unknown-risk", "Unknown risk",
            "No risk with this riskId was raised in this partnership."),
    RISK_NOT_OPEN("risk-not-open", "Risk not open",
            "The risk named was already resolved."),
    ALREADY_PAUSED("already-paused", "Already paused",
            "The partnership is already paused."),
    NOT_PAUSED("not-paused", "Not paused",
            "Only a paused partnership can resume."),
    UNKNOWN_EVENT("unknown-event", "Unknown event",
            "No event with this id is in this partnership's stream."),
    EVENT_ALREADY_VOIDED("event-already-voided", "Event already voided",
            "The event named was already voided."),
    FORMATION_CANNOT_BE_VOIDED("formation-cannot-be-voided", "Formation cannot be voided",
            "PartnershipFormed starts the stream and cannot be voided."),
    VOID_CANNOT_BE_VOIDED("void-cannot-be-voided", "A void cannot be voided",
            "An EventVoided cannot itself be voided; record the event again instead."),
    VOID_BREAKS_HISTORY("void-breaks-history", "Void breaks later history",
            "A later event depends on the event named (e.g. funding ended that this event secured); void that one first.");

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
