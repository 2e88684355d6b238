package org.rapport.domain;

/** Someone was appointed to chair or facilitate; {@code orgId} null means independent. */
public record ChairAppointed(Role role, String personRef, String orgId) implements PartnershipEvent {

    public enum Role {
        INDEPENDENT_CHAIR, FACILITATOR, PARTNERSHIP_MANAGER, PARTNER_CHAIR
    }

    @Override
    public void validate(Validation v) {
        v.required("role", role);
        v.ref("personRef", personRef);
        v.optionalText("orgId", orgId, Limits.REFERENCE);
        if (role == Role.PARTNER_CHAIR && orgId == null) {
            v.fail("orgId", "is required for a PARTNER_CHAIR");
        }
    }
}
