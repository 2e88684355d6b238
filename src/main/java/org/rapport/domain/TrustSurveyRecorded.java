package org.rapport.domain;

/** One partner's rating of another in a trust survey, each item on a 1-5 scale. */
public record TrustSurveyRecorded(String surveyId, String respondentOrg, String ratedOrg, Integer trust,
        Integer reliability, Integer openness, Integer sharedInterest) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("surveyId", surveyId);
        v.ref("respondentOrg", respondentOrg);
        v.ref("ratedOrg", ratedOrg);
        if (respondentOrg != null && respondentOrg.equals(ratedOrg)) {
            v.fail("ratedOrg", "must differ from respondentOrg");
        }
        v.range("trust", trust, 1, 5);
        v.range("reliability", reliability, 1, 5);
        v.range("openness", openness, 1, 5);
        v.range("sharedInterest", sharedInterest, 1, 5);
    }

    public String responseKey() {
        return surveyId + "/" + respondentOrg + "/" + ratedOrg;
    }
}
