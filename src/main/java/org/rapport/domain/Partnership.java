package org.rapport.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A partnership's state as its events have made it so far (stream order). It holds nothing
 * time-dependent: health is assessed from the events, not stored here.
 */
public record Partnership(UUID id, long version, String name, PartnershipType partnershipType,
        String problemStatement, LocalDate formedOn, List<Partner> partners) {

    public boolean isPartner(String orgId) {
        return orgId != null && partners.stream().anyMatch(p -> Objects.equals(p.orgId(), orgId));
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
