package org.rapport.domain;

/**
 * A partner said which type it understands the partnership to be. Partners who understand the
 * type differently are unlikely to succeed (the practical guide's four types).
 */
public record PartnershipTypeConfirmed(String orgId, PartnershipType understoodType) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("orgId", orgId);
        v.required("understoodType", understoodType);
    }
}
