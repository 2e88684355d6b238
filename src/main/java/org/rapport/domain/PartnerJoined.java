package org.rapport.domain;

/** An organisation joined the partnership, in a role, bringing a contribution. */
public record PartnerJoined(String orgId, String name, Sector sector, PartnerRole role, String contribution)
        implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.ref("orgId", orgId);
        v.text("name", name, 1, Limits.NAME);
        v.required("sector", sector);
        v.required("role", role);
        v.optionalText("contribution", contribution, 500);
    }
}
