package org.rapport.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** A partnership came into being: its name, type, the problem it exists for and its founders. */
public record PartnershipFormed(String name, PartnershipType partnershipType, String problemStatement,
        List<Organisation> foundingPartners) implements PartnershipEvent {

    @Override
    public void validate(Validation v) {
        v.text("name", name, 1, Limits.NAME);
        v.required("partnershipType", partnershipType);
        v.optionalText("problemStatement", problemStatement, Limits.PROBLEM_STATEMENT);
        v.list("foundingPartners", foundingPartners, 2, Limits.LIST, (at, partner) -> partner.validate(at));
        if (foundingPartners != null) {
            var seen = new HashSet<String>();
            for (int i = 0; i < foundingPartners.size(); i++) {
                var partner = foundingPartners.get(i);
                if (partner != null && partner.orgId() != null && !seen.add(partner.orgId())) {
                    v.fail("foundingPartners[" + i + "].orgId", "names an organisation already listed");
                }
            }
        }
    }

    public boolean foundedBy(String orgId) {
        return foundingPartners.stream().anyMatch(p -> Objects.equals(p.orgId(), orgId));
    }
}
