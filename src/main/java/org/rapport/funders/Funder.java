package org.rapport.funders;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.rapport.domain.FundingSecured.FunderKind;

/** A registered funder: the organisations whose funding partnerships may record. */
@Entity
@Table(name = "funders")
public class Funder extends PanacheEntityBase {

    @Id
    @Column(name = "funder_id", columnDefinition = "text")
    public String funderId;

    @Column(nullable = false, columnDefinition = "text")
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    public FunderKind kind;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
