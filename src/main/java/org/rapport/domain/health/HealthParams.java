package org.rapport.domain.health;

import java.util.Map;
import org.rapport.domain.HealthDimension;

/**
 * Every number the health model uses, as one versioned set: any score names the set that
 * produced it and can be recomputed exactly. The defaults come from the domain spec.
 */
public record HealthParams(
        String version,
        // Trust: meeting credit R = sum of base * seniority * format * share * dec(d, halfLife)
        double meetingBase, double seniorAll, double seniorSome, double seniorNone, double virtualFactor,
        int meetingHalfLifeDays, int meetingWindowDays, double relationshipScale,
        int adjustmentHalfLifeDays, double chiefPostChange, double leadPostChange, double goalEndorsedByAll,
        double relationshipRisk, double partnerLeftInConflict, double coreFundingEndedWithoutPlan,
        double surveyWeight, int surveyFreshMonths, double pairConcern, double pairCritical, int pairConcernCap,
        int pairCriticalCap, int typeMismatchCap,
        // Evidence before judgement: when an absence becomes a gap
        int goalExpectedFromDay, int agreementExpectedFromDay, int measuresExpectedFromDay,
        int capabilityExpectedFromDay, int chairExpectedFromDay, int forumExpectedFromDay, int graceDays,
        // Windows
        int forumDays, int seniorDays, int breadthDays, int layersDays, int vacancyDays, int goalFreshMonths,
        int goalStaleMonths, int capabilityMonths, int riskOverdueDays, int riskSevere, int milestoneRecentDays,
        int pilotScaledMonths, int pilotStartedMonths, int runwayMonths, int planHorizonMonths, int cliffCriticalDays,
        int cliffHighDays, double cliffShare, int cliffCriticalCap, int cliffHighCap, double measureOverdueFactor,
        int calibrationMonths, double calibrationWeight, int noMeetingDays, int notEnoughDataDays,
        int minimumDimensions,
        // Status
        int red, int green, int dimensionFloor,
        Map<HealthDimension, Double> overallWeights) {

    public static final HealthParams V1 = new HealthParams("2026-11-v1",
            4, 1.5, 1.2, 1.0, 0.8, 90, 14, 18,
            90, -15, -10, 5, -10, -10, -5,
            0.5, 12, 3.0, 2.0, 74, 49, 49,
            90, 180, 180, 365, 0, 90, 0,
            90, 90, 60, 90, 30, 12, 24, 24, 60, 9, 180, 12, 24, 18, 12, 90, 180, 0.10, 49, 74, 1.5,
            12, 0.3, 60, 60, 3,
            50, 75, 50,
            Map.of(HealthDimension.TRUST, 0.25, HealthDimension.ALIGNMENT, 0.15, HealthDimension.GOVERNANCE, 0.15,
                    HealthDimension.SUSTAINABILITY, 0.20, HealthDimension.ENGAGEMENT, 0.15,
                    HealthDimension.MOMENTUM, 0.10));

    /**
     * Model v2: the same numbers, a chair expected from day 180 rather than from formation, and 90
     * active days of grace for an item expected by age. Its other changes are rules, not numbers
     * (active days, meeting layers, basis, runway over all funding): the version names them all.
     */
    public static final HealthParams V2 = V1.withExpectations("2", 90, 180, 180, 365, 180, 90, 90);

    /**
     * These numbers under {@code version}, with other days from which items are expected by age
     * and another grace.
     */
    public HealthParams withExpectations(String version, int goalFrom, int agreementFrom, int measuresFrom,
            int capabilityFrom, int chairFrom, int forumFrom, int grace) {
        return new HealthParams(version, meetingBase, seniorAll, seniorSome, seniorNone, virtualFactor,
                meetingHalfLifeDays, meetingWindowDays, relationshipScale, adjustmentHalfLifeDays, chiefPostChange,
                leadPostChange, goalEndorsedByAll, relationshipRisk, partnerLeftInConflict, coreFundingEndedWithoutPlan,
                surveyWeight, surveyFreshMonths, pairConcern, pairCritical, pairConcernCap, pairCriticalCap,
                typeMismatchCap, goalFrom, agreementFrom, measuresFrom, capabilityFrom, chairFrom, forumFrom, grace,
                forumDays, seniorDays, breadthDays, layersDays, vacancyDays, goalFreshMonths, goalStaleMonths,
                capabilityMonths, riskOverdueDays, riskSevere, milestoneRecentDays, pilotScaledMonths,
                pilotStartedMonths, runwayMonths, planHorizonMonths, cliffCriticalDays, cliffHighDays, cliffShare,
                cliffCriticalCap, cliffHighCap, measureOverdueFactor, calibrationMonths, calibrationWeight,
                noMeetingDays, notEnoughDataDays, minimumDimensions, red, green, dimensionFloor, overallWeights);
    }

    /** The model every new assessment uses. */
    public static final HealthParams CURRENT = V2;

    /** A served parameter set: "1" names v1 (stored as "2026-11-v1"), so an old answer stays explainable. */
    public static java.util.Optional<HealthParams> byVersion(String version) {
        if (V2.version.equals(version)) {
            return java.util.Optional.of(V2);
        }
        return V1.version.equals(version) || "1".equals(version) ? java.util.Optional.of(V1)
                : java.util.Optional.empty();
    }
}
