package org.rapport.domain.health;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.rapport.domain.ContinuationPlanRecorded;
import org.rapport.domain.MeetingHeld;
import org.rapport.domain.TrustSurveyRecorded;

/**
 * What every rule reads: the facts, the day assessed, the partnership's clock and the parameters,
 * with the questions rules share. Durations between an event and the day assessed count active
 * days (a pause stops the clock); dates set in the world are compared with the calendar day.
 */
final class Context {

    final HealthFacts facts;
    final LocalDate today;
    final ActiveDays clock;
    final HealthParams params;
    /** PAUSED or CLOSED when the health is held as of {@link #today}, with why in words; null otherwise. */
    final Health.Status frozen;
    final String frozenWhy;
    /** Each meeting's trust credit on this day, worked out once: several rules ask. */
    final Map<HealthFacts.Meeting, Double> credits = new java.util.IdentityHashMap<>();

    Context(HealthFacts facts, LocalDate today, ActiveDays clock, HealthParams params, Health.Status frozen,
            String frozenWhy) {
        this.facts = facts;
        this.today = today;
        this.clock = clock;
        this.params = params;
        this.frozen = frozen;
        this.frozenWhy = frozenWhy;
    }

    /** The partnership's age in active days. */
    long age() {
        return clock.between(facts.formedOn, today);
    }

    /** Active days since {@code d}: never negative. */
    long daysSince(LocalDate d) {
        return clock.between(d, today);
    }

    /** {@code 2^(-active days since d / halfLife)}. */
    double decay(LocalDate d, int halfLifeDays) {
        return Math.pow(2, -(double) daysSince(d) / halfLifeDays);
    }

    boolean within(LocalDate d, int days) {
        return daysSince(d) <= days;
    }

    /**
     * An average month of the Gregorian calendar in days. Durations in months (a goal revisited
     * within 12 months, a survey at most 12 months old) count active days, so that a pause stops
     * them as it stops every other clock; calendar months would not.
     */
    static final double DAYS_PER_MONTH = 365.2425 / 12;

    /** Active months since {@code d}, in fractions of a month. */
    double monthsSince(LocalDate d) {
        return daysSince(d) / DAYS_PER_MONTH;
    }

    /** Whether {@code d} lies within the last {@code months} active months. */
    boolean fresh(LocalDate d, int months) {
        return daysSince(d) <= months * DAYS_PER_MONTH;
    }

    /** The calendar day {@code days} active days after {@code d}. */
    LocalDate after(LocalDate d, long days) {
        return clock.plus(d, days);
    }

    /** The first calendar day that lies at least {@code months} active months after {@code d}. */
    LocalDate monthsAfter(LocalDate d, int months) {
        return clock.plus(d, (long) Math.ceil(months * DAYS_PER_MONTH));
    }

    /** The day an expectation by age begins: {@code day} active days after formation. */
    LocalDate ageDay(int day) {
        return after(facts.formedOn, day);
    }

    /**
     * The benefit of the doubt left for an item expected from {@code fromDay} and still absent:
     * 1 on that day, falling linearly to 0 over the grace days.
     */
    double graceLeft(int fromDay) {
        if (params.graceDays() <= 0) {
            return 0;
        }
        return Math.max(0, 1 - (double) (age() - fromDay) / params.graceDays());
    }

    List<HealthFacts.Meeting> meetingsWithin(int days) {
        return facts.meetings.stream().filter(m -> within(m.on(), days)).toList();
    }

    static boolean leadership(HealthFacts.Meeting m) {
        return m.meeting().kind() == MeetingHeld.MeetingKind.BOARD || m.meeting().kind() == MeetingHeld.MeetingKind.STEERING;
    }

    Map.Entry<String, HealthFacts.Goal> primaryGoal() {
        return facts.goals.entrySet().stream().filter(e -> e.getValue().active && e.getValue().primary)
                .findFirst().orElse(null);
    }

    List<HealthFacts.Org> mismatchedTypes() {
        return facts.partners.values().stream()
                .filter(o -> o.understoodType() != null && o.understoodType() != facts.type).toList();
    }

    Stream<HealthFacts.Funding> activeFunding() {
        return facts.fundings.values().stream().filter(f -> f.active);
    }

    boolean hasAnyPlan(String fundingId) {
        return facts.plans.values().stream().anyMatch(p -> p.fundingIds().contains(fundingId));
    }

    HealthFacts.Plan bestPlan(String fundingId) {
        return facts.plans.values().stream().filter(p -> p.fundingIds().contains(fundingId))
                .max(Comparator.comparing(p -> p.status() == ContinuationPlanRecorded.Status.AGREED))
                .orElse(null);
    }

    boolean agreedPlan(String fundingId) {
        var plan = bestPlan(fundingId);
        return plan != null && plan.status() == ContinuationPlanRecorded.Status.AGREED;
    }

    record Cliff(HealthFacts.Funding funding, long days) {
    }

    /**
     * Core funding, or any grant of at least 10% of active funding (within its currency),
     * ending within 180 days with no agreed continuation plan: the nearest one.
     */
    Cliff nearestCliff() {
        var totals = new HashMap<String, BigDecimal>();
        activeFunding().forEach(f -> totals.merge(f.currency, f.amount, BigDecimal::add));
        return activeFunding().filter(f -> f.endsOn != null)
                .filter(f -> f.core || f.amount.doubleValue() >= params.cliffShare()
                        * totals.get(f.currency).doubleValue())
                .filter(f -> !agreedPlan(f.fundingId))
                .map(f -> new Cliff(f, Math.max(0, ChronoUnit.DAYS.between(today, f.endsOn))))
                .filter(cliff -> cliff.days() <= params.cliffHighDays())
                .min(Comparator.comparingLong(Cliff::days)).orElse(null);
    }

    List<HealthFacts.Risk> overdueHighRisks() {
        return facts.risks.values().stream().filter(r -> r.open && r.score >= params.riskSevere()
                && daysSince(r.raisedOn) > params.riskOverdueDays()).toList();
    }

    List<HealthFacts.LeadershipPenalty> vacantPosts() {
        return facts.leadership.stream().filter(p -> p.filledOn == null
                && daysSince(p.changedOn) > params.vacancyDays()).toList();
    }

    static int cadenceDays(HealthFacts.Measure m) {
        return switch (m.cadence) {
            case MONTHLY -> 30;
            case QUARTERLY -> 91;
            case ANNUAL -> 365;
        };
    }

    /** Active days after its last value (or its definition) a measure becomes overdue. */
    long overdueAfter(HealthFacts.Measure m) {
        return (long) Math.floor(cadenceDays(m) * params.measureOverdueFactor());
    }

    static LocalDate lastUpdate(HealthFacts.Measure m) {
        return m.lastUpdatedOn == null ? m.definedOn : m.lastUpdatedOn;
    }

    boolean measureOverdue(HealthFacts.Measure m) {
        return daysSince(lastUpdate(m)) > cadenceDays(m) * params.measureOverdueFactor();
    }

    record SurveyRef(String surveyId, LocalDate on) {
    }

    SurveyRef latestSurvey() {
        return facts.surveys.stream().max(Comparator.comparing(HealthFacts.Dated::on))
                .map(d -> new SurveyRef(facts.surveyResponses.get(d.eventId()).surveyId(), d.on())).orElse(null);
    }

    /** The latest survey when it is recent enough to weigh in: null otherwise. */
    SurveyRef freshSurvey() {
        var survey = latestSurvey();
        return survey != null && fresh(survey.on(), params.surveyFreshMonths()) ? survey : null;
    }

    List<Map.Entry<UUID, TrustSurveyRecorded>> surveyResponses(SurveyRef survey) {
        return facts.surveyResponses.entrySet().stream()
                .filter(e -> e.getValue().surveyId().equals(survey.surveyId())).toList();
    }

    static double meanRating(TrustSurveyRecorded s) {
        return (s.trust() + s.reliability() + s.openness() + s.sharedInterest()) / 4.0;
    }

    // --- Words ---------------------------------------------------------------------------------

    String name(String orgId) {
        return facts.name(orgId);
    }

    /** "the Home Office funding of £500,000": a funding as a manager names it. */
    static String funding(HealthFacts.Funding f) {
        var amount = NumberFormat.getIntegerInstance(Locale.UK).format(f.amount);
        String symbol;
        try {
            symbol = java.util.Currency.getInstance(f.currency).getSymbol(Locale.UK);
        } catch (IllegalArgumentException e) {
            symbol = f.currency;
        }
        return "the " + f.funderName + " funding of " + (symbol.equals(f.currency) ? f.currency + " " : symbol) + amount;
    }

    /** A mean rating as people say it: 4.75, 4.5, 4. */
    static String rating(double mean) {
        return new java.math.BigDecimal(mean).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** A goal's statement, shortened to fit a sentence. */
    static String statement(HealthFacts.Goal goal) {
        if (goal.statement == null || goal.statement.isBlank()) {
            return "the shared goal";
        }
        var s = goal.statement.strip();
        return "\"" + (s.length() <= 60 ? s : s.substring(0, 57).strip() + "...") + "\"";
    }

    /** An agreement's kind as people name it. */
    static String agreement(org.rapport.domain.AgreementSigned.Kind kind) {
        return switch (kind) {
            case TERMS_OF_REFERENCE -> "terms of reference";
            case MOU -> "memorandum of understanding";
            case PARTNERSHIP_AGREEMENT -> "partnership agreement";
            case DATA_SHARING -> "data-sharing agreement";
            case GRANT -> "grant agreement";
        };
    }

    static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String round1(double x) {
        double r = Math.round(x * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** "a's partnership lead", "the partnership's partnership lead": the post a leadership change is about. */
    String post(HealthFacts.LeadershipPenalty change) {
        var role = words(change.role);
        return change.orgId == null ? "the partnership's " + role : name(change.orgId) + "'s " + role;
    }

    static String share(int some, int all) {
        return share(some, all, "partner");
    }

    /** "both partners", "all 3 partners", "none of the 3 partners"; for measures with a verb: "the only measure is not". */
    static String share(int some, int all, String noun) {
        boolean partner = noun.equals("partner");
        if (all == 1 && !partner) {
            return "the only " + noun + (some == 1 ? " is" : " is not");
        }
        var verb = partner ? "" : some == 1 || some == 0 && all == 2 ? " is" : " are";
        return (some == all ? (all == 2 ? "both " + noun + "s" : "all " + all + " " + noun + "s")
                : some == 0 ? (all == 2 ? "neither " + noun : "none of the " + all + " " + noun + "s")
                        : some + " of " + all + " " + noun + "s") + verb;
    }

    /** " (not b, c)": the partners absent, unless none or all are. */
    String missingOrgs(java.util.Collection<String> partners, List<String> present) {
        var absent = partners.stream().filter(o -> !present.contains(o)).map(this::name).toList();
        return absent.isEmpty() || absent.size() == partners.size() ? "" : " (not " + String.join(", ", absent) + ")";
    }

    boolean pastReview(HealthFacts.Agreement a) {
        return a.reviewBy != null && today.isAfter(a.reviewBy);
    }

    static List<UUID> ids(List<HealthFacts.Meeting> meetings) {
        return meetings.stream().map(HealthFacts.Meeting::eventId).toList();
    }
}
