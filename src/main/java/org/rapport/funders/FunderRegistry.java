package org.rapport.funders;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.rapport.domain.FundingSecured.FunderKind;

/** Registers funders and answers which ones exist. */
@ApplicationScoped
public class FunderRegistry {

    /** A funder id already registered. */
    public static final class AlreadyRegistered extends RuntimeException {
        public AlreadyRegistered(String funderId) {
            super("Funder " + funderId + " is already registered.", null, false, false);
        }
    }

    private final Clock clock;
    private final Event<FunderRegistered> registered;

    public FunderRegistry(Clock clock, Event<FunderRegistered> registered) {
        this.clock = clock;
        this.registered = registered;
    }

    public Uni<Funder> register(String funderId, String name, FunderKind kind) {
        var funder = new Funder();
        funder.funderId = funderId == null ? UUID.randomUUID().toString() : funderId;
        funder.name = name;
        funder.kind = kind;
        funder.registeredAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return Panache.withTransaction(() -> Funder.<Funder>findById(funder.funderId).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new AlreadyRegistered(funder.funderId));
            }
            return funder.<Funder>persist();
        })).onFailure(ConstraintViolationException.class).transform(e -> racedTo(funder.funderId, e))
                .invoke(f -> registered.fireAsync(new FunderRegistered(f.funderId)));
    }

    /** A registration that lost a race with another for the same id finds out only at commit. */
    private static Throwable racedTo(String funderId, Throwable failure) {
        return "funders_pkey".equals(((ConstraintViolationException) failure).getConstraintName())
                ? new AlreadyRegistered(funderId)
                : failure;
    }

    public Uni<List<Funder>> all() {
        return Panache.withSession(() -> Funder.listAll(Sort.by("funderId")));
    }

    /** The registered funders among {@code funderIds}, by id. */
    public Uni<Map<String, Funder>> find(Collection<String> funderIds) {
        if (funderIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.withSession(() -> Funder.<Funder>list("funderId in ?1", List.copyOf(funderIds)))
                .map(found -> found.stream().collect(Collectors.toMap(f -> f.funderId, Function.identity())));
    }
}
