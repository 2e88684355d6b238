package org.rapport.domain.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.domain.*;

/**
 * What the health rules read, folded from the events that had occurred by the moment assessed,
 * in the order they occurred. Lenient by design: events may be recorded late, so a reference
 * to something that had not yet occurred at that moment is simply not counted.
 *
 * <p>The facts are a fold: {@link #then} moves them forward one event at a time, and a
 * partnership's facts are kept between appends (see {@link HealthFold}). Of the frequent kinds
 * ({@link HealthWindow}) they keep only what is still in the window: {@link #prune} lets go of
 * what has left it, exactly as if those events had never been folded, since nothing else in the
 * facts depends on them.
 *
 * <p>{@link #FORM} names the shape of the facts and what the fold does: a change to either must
 * raise it, so that facts kept under the old form are folded again from the log.
 */
public final class HealthFacts {

    /** The form of the facts kept between appends: raise it whenever the fields or the fold change. */
    public static final int FORM = 2;

    record Org(String orgId, Sector sector, PartnershipType understoodType, UUID confirmationId) {
    }

    /**
     * A meeting, with the organisations present and those that sent someone senior worked out
     * once, when first asked: every dimension asks about each meeting for each partner. Only the
     * meeting itself is part of the facts kept between appends (the rest is {@code transient}).
     */
    static final class Meeting {

        private final LocalDate on;
        private final UUID eventId;
        private final MeetingHeld meeting;
        private transient Set<String> orgs;
        private transient Set<String> seniorOrgs;

        Meeting(LocalDate on, UUID eventId, MeetingHeld meeting) {
            this.on = on;
            this.eventId = eventId;
            this.meeting = meeting;
        }

        /** For facts read back. */
        private Meeting() {
            this(null, null, null);
        }

        LocalDate on() {
            return on;
        }

        UUID eventId() {
            return eventId;
        }

        MeetingHeld meeting() {
            return meeting;
        }

        Set<String> orgs() {
            if (orgs == null) {
                orgs = meeting.attendingOrgs();
            }
            return orgs;
        }

        Set<String> seniorOrgs() {
            if (seniorOrgs == null) {
                seniorOrgs = meeting.attendees().stream()
                        .filter(a -> a != null && a.orgId() != null && a.seniority().isSenior())
                        .map(MeetingHeld.Attendee::orgId).collect(java.util.stream.Collectors.toUnmodifiableSet());
            }
            return seniorOrgs;
        }

        boolean seniorFrom(String orgId) {
            return seniorOrgs().contains(orgId);
        }

        boolean attendedBy(String personRef) {
            return meeting.attendees().stream().anyMatch(a -> personRef.equals(a.personRef()));
        }
    }

    record Dated(LocalDate on, UUID eventId) {
    }

    static final class Goal implements Cloneable {

        Goal copy() {
            try {
                return (Goal) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        boolean primary;
        boolean active = true;
        LocalDate retiredOn;
        String statement;
        Set<String> endorsedBy;
        LocalDate lastAgreedOn;
        UUID lastEventId;
    }

    static final class Agreement implements Cloneable {

        Agreement copy() {
            try {
                return (Agreement) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        Set<String> signatories;
        LocalDate reviewBy;
        Set<AgreementSigned.Covers> covers;
        AgreementSigned.Kind kind;
        boolean inForce = true;
        LocalDate endedOn;
        UUID eventId;
    }

    /** A change of a senior post: its penalty decays from when the post is filled. */
    static final class LeadershipPenalty implements Cloneable {

        LeadershipPenalty copy() {
            try {
                return (LeadershipPenalty) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        LeadershipChanged.Role role;
        String orgId;
        String incomingRef;
        LocalDate changedOn;
        LocalDate filledOn;
        UUID eventId;
        UUID fillEventId;
    }

    static final class Funding implements Cloneable {

        Funding copy() {
            try {
                return (Funding) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        String fundingId;
        String funderId;
        String funderName;
        BigDecimal amount;
        String currency;
        LocalDate endsOn;
        boolean core;
        boolean active = true;
        LocalDate securedOn;
        LocalDate endedOn;
        UUID eventId;
        UUID endEventId;
    }

    record Plan(Set<String> fundingIds, ContinuationPlanRecorded.Status status, UUID eventId) {
    }

    static final class Measure implements Cloneable {

        Measure copy() {
            try {
                return (Measure) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        Measure copyWithValues() {
            var m = copy();
            m.values = new ArrayList<>(values);
            return m;
        }

        String ownerOrg;
        String goalId;
        String name;
        MeasureDefined.Cadence cadence;
        MeasureDefined.Direction direction;
        BigDecimal baseline;
        boolean active = true;
        LocalDate retiredOn;
        LocalDate definedOn;
        LocalDate latestPeriodEnd;
        LocalDate lastUpdatedOn;
        BigDecimal latestValue;
        UUID eventId;
        UUID latestEventId;
        /** The values recorded in the window, in the order folded: what the latest ones are read from. */
        List<Value> values = new ArrayList<>();

        void record(Value v) {
            values.add(v);
            lastUpdatedOn = v.on();
            if (latestPeriodEnd == null || !v.periodEnd().isBefore(latestPeriodEnd)) {
                latestPeriodEnd = v.periodEnd();
                latestValue = v.value();
                latestEventId = v.eventId();
            }
        }

        /** Forgets the values recorded before {@code from}, as if never folded. */
        void prune(LocalDate from) {
            if (values.stream().noneMatch(v -> v.on().isBefore(from))) {
                return;
            }
            var kept = values.stream().filter(v -> !v.on().isBefore(from)).toList();
            values = new ArrayList<>();
            lastUpdatedOn = null;
            latestPeriodEnd = null;
            latestValue = null;
            latestEventId = null;
            kept.forEach(this::record);
        }
    }

    /** A measure's value as recorded: the day, the period it covers and the event. */
    record Value(LocalDate on, LocalDate periodEnd, BigDecimal value, UUID eventId) {
    }

    static final class Milestone implements Cloneable {

        Milestone copy() {
            try {
                return (Milestone) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        LocalDate dueOn;
        Partnership.MilestoneStatus status = Partnership.MilestoneStatus.OPEN;
        LocalDate reachedOn;
        UUID eventId;
    }

    static final class Risk implements Cloneable {

        Risk copy() {
            try {
                return (Risk) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        RiskRaised.Category category;
        int score;
        LocalDate raisedOn;
        boolean open = true;
        UUID eventId;
    }

    LocalDate formedOn;
    UUID formationId;
    PartnershipType type;
    final Map<String, Org> partners = new LinkedHashMap<>();
    final List<Dated> leftInConflict = new ArrayList<>();
    final Map<String, Goal> goals = new LinkedHashMap<>();
    final List<Dated> endorsedByAll = new ArrayList<>();
    final Map<String, Agreement> agreements = new LinkedHashMap<>();
    ChairAppointed chair;
    UUID chairEventId;
    final List<LeadershipPenalty> leadership = new ArrayList<>();
    final Map<String, Funding> fundings = new LinkedHashMap<>();
    final Map<String, Plan> plans = new LinkedHashMap<>();
    final Map<String, List<UUID>> resourcesByOrg = new LinkedHashMap<>();
    final Map<String, Measure> measures = new LinkedHashMap<>();
    final Map<String, Milestone> milestones = new LinkedHashMap<>();
    final List<Dated> pilotsStarted = new ArrayList<>();
    final List<Dated> pilotsScaled = new ArrayList<>();
    final Map<String, Risk> risks = new LinkedHashMap<>();
    final List<Meeting> meetings = new ArrayList<>();
    final List<Dated> surveys = new ArrayList<>();
    final Map<UUID, TrustSurveyRecorded> surveyResponses = new LinkedHashMap<>();
    HealthCheckCompleted healthCheck;
    Dated healthCheckOn;
    Dated capability;
    boolean capabilityWithChiefExecutives;
    LocalDate pausedOn;
    java.time.Instant pausedAt;
    final List<ActiveDays.Pause> pauses = new ArrayList<>();
    LocalDate closedOn;
    /** Every organisation's name, partners past and present, for reasons and prompts in words. */
    final Map<String, String> names = new LinkedHashMap<>();
    /** The day each partner joined, for those who joined after formation. */
    final Map<String, LocalDate> joinedOn = new LinkedHashMap<>();
    /** The day of each type confirmation, by its event id. */
    final Map<UUID, LocalDate> typeConfirmations = new LinkedHashMap<>();
    /** The days of the events that moved each dimension, for confidence. */
    final Map<HealthDimension, List<LocalDate>> evidence = new LinkedHashMap<>();
    /** The moment and stream version of the last event folded: the fold moves forward only. */
    java.time.Instant lastOccurredAt;
    long lastVersion;
    /** The first day of the window kept: frequent events before it have been let go ({@link #prune}). */
    LocalDate windowFrom;
    /**
     * While paused: the facts as they stood at the pause (a paused partnership is assessed as of
     * then), with every event that occurred by that moment.
     */
    HealthFacts held;

    /**
     * A copy to fold further without touching this one: every collection and every mutable part is
     * its own, the immutable parts (records, sets replaced whole) are shared.
     */
    HealthFacts copy() {
        var c = new HealthFacts();
        c.formedOn = formedOn;
        c.formationId = formationId;
        c.type = type;
        c.partners.putAll(partners);
        c.leftInConflict.addAll(leftInConflict);
        goals.forEach((k, v) -> c.goals.put(k, v.copy()));
        c.endorsedByAll.addAll(endorsedByAll);
        agreements.forEach((k, v) -> c.agreements.put(k, v.copy()));
        c.chair = chair;
        c.chairEventId = chairEventId;
        leadership.forEach(p -> c.leadership.add(p.copy()));
        fundings.forEach((k, v) -> c.fundings.put(k, v.copy()));
        c.plans.putAll(plans);
        resourcesByOrg.forEach((k, v) -> c.resourcesByOrg.put(k, new ArrayList<>(v)));
        measures.forEach((k, v) -> c.measures.put(k, v.copyWithValues()));
        milestones.forEach((k, v) -> c.milestones.put(k, v.copy()));
        c.pilotsStarted.addAll(pilotsStarted);
        c.pilotsScaled.addAll(pilotsScaled);
        risks.forEach((k, v) -> c.risks.put(k, v.copy()));
        c.meetings.addAll(meetings);
        c.surveys.addAll(surveys);
        c.surveyResponses.putAll(surveyResponses);
        c.healthCheck = healthCheck;
        c.healthCheckOn = healthCheckOn;
        c.capability = capability;
        c.capabilityWithChiefExecutives = capabilityWithChiefExecutives;
        c.pausedOn = pausedOn;
        c.pausedAt = pausedAt;
        c.pauses.addAll(pauses);
        c.closedOn = closedOn;
        c.names.putAll(names);
        c.joinedOn.putAll(joinedOn);
        c.typeConfirmations.putAll(typeConfirmations);
        evidence.forEach((k, v) -> c.evidence.put(k, new ArrayList<>(v)));
        c.lastOccurredAt = lastOccurredAt;
        c.lastVersion = lastVersion;
        c.windowFrom = windowFrom;
        c.held = held == null ? null : held.copy();
        return c;
    }

    /** The order events are folded in: when they occurred, then their place in the stream. */
    static final Comparator<HistoricEvent> ORDER = Comparator.comparing(HistoricEvent::occurredAt)
            .thenComparingLong(HistoricEvent::version);

    /**
     * Folds one more event in. Only right for an event that comes after every event folded so far
     * in {@link #ORDER}, the order {@link #of} folds in ({@link HealthFold#advance} checks).
     */
    void then(HistoricEvent e) {
        if (held != null && !e.occurredAt().isAfter(pausedAt)) {
            held.advance(e);
        }
        advance(e);
        if (pausedAt == null) {
            held = null;
        } else if (held == null) {
            held = copy();
        }
    }

    private void advance(HistoricEvent e) {
        apply(e);
        lastOccurredAt = e.occurredAt();
        lastVersion = e.version();
    }

    static HealthFacts of(List<HistoricEvent> events) {
        var facts = new HealthFacts();
        events.stream().sorted(ORDER).forEach(facts::then);
        return facts;
    }

    /**
     * Lets go of what the frequent events before {@code from} brought, as if they had never been
     * folded: meetings, surveys, measure values, health checks, and the evidence of every kind
     * older than that (confidence reads only the last twelve months).
     */
    void prune(LocalDate from) {
        if (windowFrom != null && !from.isAfter(windowFrom)) {
            return;
        }
        windowFrom = from;
        meetings.removeIf(m -> m.on().isBefore(from));
        surveys.removeIf(d -> {
            if (d.on().isBefore(from)) {
                surveyResponses.remove(d.eventId());
                return true;
            }
            return false;
        });
        measures.values().forEach(m -> m.prune(from));
        if (healthCheckOn != null && healthCheckOn.on().isBefore(from)) {
            healthCheck = null;
            healthCheckOn = null;
        }
        evidence.values().forEach(list -> list.removeIf(d -> d.isBefore(from)));
        if (held != null) {
            held.prune(from);
        }
    }

    Set<String> partnerIds() {
        return partners.keySet();
    }

    private void moved(LocalDate on, HealthDimension... dimensions) {
        for (var d : dimensions) {
            evidence.computeIfAbsent(d, x -> new ArrayList<>()).add(on);
        }
    }

    private void apply(HistoricEvent e) {
        var on = Partnership.dayOf(e.occurredAt());
        var id = e.eventId();
        switch (e.payload()) {
            case PartnershipFormed f -> {
                formedOn = on;
                formationId = id;
                type = f.partnershipType();
                f.foundingPartners().forEach(o -> {
                    partners.put(o.orgId(), new Org(o.orgId(), o.sector(), null, null));
                    names.put(o.orgId(), o.name());
                });
            }
            case PartnerJoined j -> {
                partners.put(j.orgId(), new Org(j.orgId(), j.sector(), null, null));
                names.put(j.orgId(), j.name());
                joinedOn.put(j.orgId(), on);
                moved(on, HealthDimension.ENGAGEMENT, HealthDimension.ALIGNMENT, HealthDimension.GOVERNANCE);
            }
            case PartnerLeft l -> {
                partners.remove(l.orgId());
                if (l.reason() == PartnerLeft.Reason.CONFLICT) {
                    leftInConflict.add(new Dated(on, id));
                }
                moved(on, HealthDimension.ENGAGEMENT, HealthDimension.TRUST, HealthDimension.SUSTAINABILITY);
            }
            case PartnershipTypeConfirmed c -> {
                partners.computeIfPresent(c.orgId(), (k, o) -> new Org(o.orgId(), o.sector(), c.understoodType(), id));
                typeConfirmations.put(id, on);
                moved(on, HealthDimension.ALIGNMENT);
            }
            case MeetingHeld m -> {
                meetings.add(new Meeting(on, id, m));
                moved(on, HealthDimension.TRUST, HealthDimension.ENGAGEMENT, HealthDimension.GOVERNANCE);
            }
            case TrustSurveyRecorded s -> {
                surveys.add(new Dated(on, id));
                surveyResponses.put(id, s);
                moved(on, HealthDimension.TRUST);
            }
            case SharedGoalAgreed a -> {
                var g = new Goal();
                g.primary = a.primary();
                g.statement = a.statement();
                g.endorsedBy = Set.copyOf(a.endorsedBy());
                g.lastAgreedOn = on;
                g.lastEventId = id;
                goals.put(a.goalId(), g);
                noteEndorsement(g, on, id);
                moved(on, HealthDimension.ALIGNMENT, HealthDimension.TRUST);
            }
            case SharedGoalRevised r -> {
                var g = goals.get(r.goalId());
                if (g != null) {
                    if (r.statement() != null) {
                        g.statement = r.statement();
                    }
                    g.endorsedBy = Set.copyOf(r.endorsedBy());
                    g.lastAgreedOn = on;
                    g.lastEventId = id;
                    noteEndorsement(g, on, id);
                }
                moved(on, HealthDimension.ALIGNMENT, HealthDimension.TRUST);
            }
            case SharedGoalRetired r -> {
                var g = goals.get(r.goalId());
                if (g != null) {
                    g.active = false;
                    g.retiredOn = on;
                }
                moved(on, HealthDimension.ALIGNMENT);
            }
            case CapabilityAssessmentHeld c -> {
                capability = new Dated(on, id);
                capabilityWithChiefExecutives = c.chiefExecutivesPresent();
                moved(on, HealthDimension.ALIGNMENT, HealthDimension.ENGAGEMENT);
            }
            case HealthCheckCompleted h -> {
                healthCheck = h;
                healthCheckOn = new Dated(on, id);
            }
            case AgreementSigned s -> {
                var a = new Agreement();
                a.signatories = Set.copyOf(s.signatories());
                a.reviewBy = s.reviewBy();
                a.covers = s.covers() == null ? Set.of() : Set.copyOf(s.covers());
                a.kind = s.kind();
                a.eventId = id;
                agreements.put(s.agreementId(), a);
                moved(on, HealthDimension.GOVERNANCE);
            }
            case AgreementEnded x -> {
                var a = agreements.get(x.agreementId());
                if (a != null) {
                    a.inForce = false;
                    a.endedOn = on;
                }
                moved(on, HealthDimension.GOVERNANCE);
            }
            case ChairAppointed c -> {
                chair = c;
                chairEventId = id;
                moved(on, HealthDimension.GOVERNANCE, HealthDimension.ENGAGEMENT);
            }
            case LeadershipChanged c -> {
                applyLeadership(c, on, id);
                moved(on, HealthDimension.TRUST, HealthDimension.ENGAGEMENT, HealthDimension.GOVERNANCE);
            }
            case FundingSecured s -> {
                var f = new Funding();
                f.fundingId = s.fundingId();
                f.funderId = s.funder().funderId();
                f.funderName = s.funder().name() == null ? s.funder().funderId() : s.funder().name();
                f.securedOn = on;
                f.amount = s.amount();
                f.currency = s.currency();
                f.endsOn = s.endsOn();
                f.core = s.coreCosts();
                f.eventId = id;
                fundings.put(s.fundingId(), f);
                moved(on, HealthDimension.SUSTAINABILITY);
            }
            case ContinuationPlanRecorded p -> {
                plans.put(p.planId(), new Plan(Set.copyOf(p.fundingIds()), p.status(), id));
                moved(on, HealthDimension.SUSTAINABILITY);
            }
            case FundingEnded x -> {
                var f = fundings.get(x.fundingId());
                if (f != null) {
                    f.active = false;
                    f.endedOn = on;
                    f.endEventId = id;
                }
                moved(on, HealthDimension.SUSTAINABILITY, HealthDimension.TRUST);
            }
            case ResourceCommitted r -> {
                resourcesByOrg.computeIfAbsent(r.orgId(), k -> new ArrayList<>()).add(id);
                moved(on, HealthDimension.SUSTAINABILITY, HealthDimension.ENGAGEMENT);
            }
            case MeasureDefined d -> {
                var m = new Measure();
                m.ownerOrg = d.ownerOrg();
                m.goalId = d.goalId();
                m.name = d.name();
                m.cadence = d.cadence();
                m.direction = d.direction();
                m.baseline = d.baseline();
                m.definedOn = on;
                m.eventId = id;
                measures.put(d.measureId(), m);
                moved(on, HealthDimension.MOMENTUM, HealthDimension.GOVERNANCE);
            }
            case MeasureRecorded r -> {
                var m = measures.get(r.measureId());
                if (m != null) {
                    m.record(new Value(on, r.periodEnd(), r.value(), id));
                }
                moved(on, HealthDimension.MOMENTUM);
            }
            case MeasureRetired r -> {
                var m = measures.get(r.measureId());
                if (m != null) {
                    m.active = false;
                    m.retiredOn = on;
                }
                moved(on, HealthDimension.MOMENTUM);
            }
            case MilestoneSet s -> {
                var m = new Milestone();
                m.dueOn = s.dueOn();
                m.eventId = id;
                milestones.put(s.milestoneId(), m);
                moved(on, HealthDimension.MOMENTUM);
            }
            case MilestoneReached r -> {
                var m = milestones.get(r.milestoneId());
                if (m != null) {
                    m.status = Partnership.MilestoneStatus.REACHED;
                    m.reachedOn = on;
                    m.eventId = id;
                }
                moved(on, HealthDimension.MOMENTUM, HealthDimension.TRUST);
            }
            case MilestoneRescheduled r -> {
                var m = milestones.get(r.milestoneId());
                if (m != null) {
                    if (r.drops()) {
                        m.status = Partnership.MilestoneStatus.DROPPED;
                    } else {
                        m.dueOn = r.dueOn();
                    }
                }
                moved(on, HealthDimension.MOMENTUM);
            }
            case PilotStarted p -> {
                pilotsStarted.add(new Dated(on, id));
                moved(on, HealthDimension.MOMENTUM);
            }
            case PilotScaled p -> {
                pilotsScaled.add(new Dated(on, id));
                moved(on, HealthDimension.MOMENTUM, HealthDimension.SUSTAINABILITY);
            }
            case RiskRaised r -> {
                var risk = new Risk();
                risk.category = r.category();
                risk.score = r.likelihood() * r.impact();
                risk.raisedOn = on;
                risk.eventId = id;
                risks.put(r.riskId(), risk);
                moved(on, HealthDimension.GOVERNANCE, HealthDimension.TRUST, HealthDimension.SUSTAINABILITY);
            }
            case RiskResolved r -> {
                var risk = risks.get(r.riskId());
                if (risk != null) {
                    risk.open = false;
                }
                moved(on, HealthDimension.GOVERNANCE, HealthDimension.TRUST);
            }
            case PartnershipPaused p -> {
                if (pausedOn == null) {
                    pausedOn = on;
                    pausedAt = e.occurredAt();
                }
            }
            case PartnershipResumed r -> {
                if (pausedOn != null) {
                    pauses.add(new ActiveDays.Pause(pausedOn, on));
                    pausedOn = null;
                    pausedAt = null;
                }
            }
            case PartnershipClosed c -> closedOn = on;
            case EventVoided v -> {
                // Voided events are left out before the facts are folded.
            }
        }
    }

    private void noteEndorsement(Goal g, LocalDate on, UUID id) {
        if (!partners.isEmpty() && g.endorsedBy.containsAll(partners.keySet())) {
            endorsedByAll.add(new Dated(on, id));
        }
    }

    /**
     * A change to a senior post costs trust. While the post is vacant the cost does not fade;
     * filling it starts the fading of that same cost rather than adding a second one.
     */
    private void applyLeadership(LeadershipChanged c, LocalDate on, UUID id) {
        var open = leadership.stream()
                .filter(p -> Objects.equals(p.orgId, c.orgId()) && p.role == c.role() && p.incomingRef == null)
                .reduce((a, b) -> b);
        if (open.isPresent() && c.incomingRef() != null) {
            var p = open.get();
            p.incomingRef = c.incomingRef();
            p.filledOn = on;
            p.fillEventId = id;
            return;
        }
        var p = new LeadershipPenalty();
        p.role = c.role();
        p.orgId = c.orgId();
        p.incomingRef = c.incomingRef();
        p.changedOn = on;
        p.filledOn = c.incomingRef() == null ? null : on;
        p.eventId = id;
        leadership.add(p);
    }

    /** The clock of this partnership: its completed pauses stop it. */
    ActiveDays clock() {
        return new ActiveDays(pauses);
    }

    /** An organisation's name, or its id when no name was recorded. */
    String name(String orgId) {
        return orgId == null ? "an independent person" : names.getOrDefault(orgId, orgId);
    }

    Set<Sector> sectors() {
        return partners.values().stream().map(Org::sector).collect(Collectors.toSet());
    }
}
