package org.rapport.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Partnerships that look like real ones: three partners from different sectors, a goal, terms of
 * reference, a grant from one of a handful of funders, a measure, and then two years of meetings,
 * trust surveys, measurements and health checks. How recently each partnership met varies, so
 * the portfolio holds every status.
 */
final class Workload {

    static final int FUNDERS = 20;
    static final String[] TYPES = {"SECONDMENT", "COOPERATIVE", "COORDINATED", "COLLABORATIVE"};
    static final String[] SECTORS = {"PUBLIC", "PRIVATE", "VOLUNTARY", "COMMUNITY", "ACADEMIC"};

    private final LocalDate today;

    Workload(LocalDate today) {
        this.today = today;
    }

    static String funderId(int f) {
        return "bench-funder-" + f;
    }

    static String org(int partnership, char which) {
        return "bench-" + partnership + "-" + which;
    }

    String formed(int n) {
        return """
                {"name": "Partnership %d", "partnershipType": "%s", "occurredAt": "%s",
                 "problemStatement": "Families in district %d wait too long for help.",
                 "foundingPartners": [
                   {"orgId": "%s", "name": "Council %d", "sector": "PUBLIC"},
                   {"orgId": "%s", "name": "Charity %d", "sector": "%s"},
                   {"orgId": "%s", "name": "Company %d", "sector": "PRIVATE"}]}"""
                .formatted(n, TYPES[n % TYPES.length], today.minusDays(760), n, org(n, 'a'), n, org(n, 'b'), n,
                        SECTORS[2 + n % 3], org(n, 'c'), n);
    }

    /**
     * The 99 events after formation, oldest first, as one JSON array. The newest is between 0 and
     * 120 days old depending on {@code n}, so some partnerships have gone quiet.
     */
    String history(int n) {
        var random = new Random(n);
        var events = new ArrayList<String>(99);
        var start = today.minusDays(750);
        var end = today.minusDays(n % 120);
        long span = end.toEpochDay() - start.toEpochDay();
        events.add("""
                {"type": "SharedGoalAgreed", "occurredAt": "%s", "goalId": "goal-%d",
                 "statement": "Halve the wait for family support in district %d.", "primary": true,
                 "endorsedBy": ["%s", "%s", "%s"]}""".formatted(start, n, n, org(n, 'a'), org(n, 'b'), org(n, 'c')));
        events.add("""
                {"type": "AgreementSigned", "occurredAt": "%s", "agreementId": "tor-%d",
                 "kind": "TERMS_OF_REFERENCE", "signatories": ["%s", "%s", "%s"],
                 "effectiveOn": "%s", "reviewBy": "%s",
                 "covers": ["ROLES", "DECISIONS", "RESOURCES", "CONFLICT", "REVIEW"]}"""
                .formatted(start.plusDays(1), n, org(n, 'a'), org(n, 'b'), org(n, 'c'), start.plusDays(1),
                        start.plusDays(1 + 180 * (1 + n % 4))));
        events.add("""
                {"type": "FundingSecured", "occurredAt": "%s", "fundingId": "grant-%d",
                 "funder": {"funderId": "%s"}, "amount": %d, "currency": "GBP",
                 "startsOn": "%s", "endsOn": "%s", "coreCosts": %s}"""
                .formatted(start.plusDays(2), n, funderId(n % FUNDERS), 50_000 + 1_000 * (n % 400),
                        start.plusDays(2), start.plusDays(2 + 365 + 90 * (n % 8)), n % 2 == 0));
        events.add("""
                {"type": "MeasureDefined", "occurredAt": "%s", "measureId": "wait-%d", "goalId": "goal-%d",
                 "ownerOrg": "%s", "name": "Median wait for support (days)", "baseline": 60,
                 "direction": "DECREASE", "target": 30, "cadence": "MONTHLY"}"""
                .formatted(start.plusDays(3), n, n, org(n, 'b')));
        int frequent = 99 - events.size();
        for (int i = 0; i < frequent; i++) {
            var day = start.plusDays(4 + (span - 4) * (i + 1) / frequent);
            int kind = random.nextInt(100);
            if (kind < 60) {
                events.add(meeting(UUID.randomUUID(), n, day.toString() + "T10:00:00Z"));
            } else if (kind < 80) {
                char from = "abc".charAt(random.nextInt(3));
                char to = "abc".charAt(("abc".indexOf(from) + 1 + random.nextInt(2)) % 3);
                events.add("""
                        {"type": "TrustSurveyRecorded", "occurredAt": "%s", "surveyId": "survey-%d-%d",
                         "respondentOrg": "%s", "ratedOrg": "%s",
                         "trust": %d, "reliability": %d, "openness": %d, "sharedInterest": %d}"""
                        .formatted(day, n, i, org(n, from), org(n, to), 1 + random.nextInt(5), 2 + random.nextInt(4),
                                2 + random.nextInt(4), 3 + random.nextInt(3)));
            } else if (kind < 95) {
                events.add("""
                        {"type": "MeasureRecorded", "occurredAt": "%s", "measureId": "wait-%d",
                         "periodEnd": "%s", "value": %d}""".formatted(day, n, day.minusDays(1), 25 + random.nextInt(40)));
            } else {
                events.add("""
                        {"type": "HealthCheckCompleted", "occurredAt": "%s", "instrument": "WILDER",
                         "respondents": 9, "scaleMin": 1, "scaleMax": 5,
                         "factorScores": [{"code": "MUTUAL_RESPECT", "mean": %d.%d, "n": 9},
                                          {"code": "RESOURCES", "mean": %d.%d, "n": 9}]}"""
                        .formatted(day, 1 + random.nextInt(4), random.nextInt(10), 1 + random.nextInt(4),
                                random.nextInt(10)));
            }
        }
        return "[" + String.join(",", events) + "]";
    }

    /** One steering meeting of the three partners' chief executives. */
    static String meeting(UUID eventId, int n, String occurredAt) {
        return """
                {"type": "MeetingHeld", "eventId": "%s", "occurredAt": "%s", "format": "IN_PERSON",
                 "kind": "STEERING", "attendees": [
                   {"personRef": "ce-%s", "orgId": "%s", "seniority": "EXECUTIVE"},
                   {"personRef": "ce-%s", "orgId": "%s", "seniority": "EXECUTIVE"},
                   {"personRef": "ce-%s", "orgId": "%s", "seniority": "EXECUTIVE"}]}"""
                .formatted(eventId, occurredAt, org(n, 'a'), org(n, 'a'), org(n, 'b'), org(n, 'b'), org(n, 'c'),
                        org(n, 'c'));
    }

    static List<String> funderRegistrations() {
        var bodies = new ArrayList<String>();
        for (int f = 0; f < FUNDERS; f++) {
            bodies.add("{\"funderId\": \"%s\", \"name\": \"Funder %d\", \"kind\": \"TRUST\"}".formatted(funderId(f), f));
        }
        return bodies;
    }
}
