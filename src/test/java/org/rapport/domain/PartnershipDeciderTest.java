package org.rapport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.domain.MeetingHeld.Attendee;
import org.rapport.domain.MeetingHeld.MeetingFormat;
import org.rapport.domain.MeetingHeld.MeetingKind;

/** Given these events, when this is proposed, then it is accepted or this rule is broken. */
class PartnershipDeciderTest {

    static final UUID ID = UUID.fromString("9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a");
    static final Instant FORMED_AT = Instant.parse("2026-01-12T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static PartnershipFormed drive() {
        return new PartnershipFormed("Drive", PartnershipType.COLLABORATIVE, "Abuse goes unchallenged.",
                List.of(new Organisation("respect", "Respect", Sector.VOLUNTARY),
                        new Organisation("safelives", "SafeLives", Sector.VOLUNTARY),
                        new Organisation("social-finance", "Social Finance", Sector.PRIVATE)));
    }

    static Partnership given(PartnershipFormed formed) {
        PartnershipDecider.decide(null, new ProposedEvent(UUID.randomUUID(), FORMED_AT, formed));
        return PartnershipDecider.evolve(null, ID, 1, FORMED_AT, formed);
    }

    static MeetingHeld steering(String... orgIds) {
        return new MeetingHeld(MeetingFormat.IN_PERSON, MeetingKind.STEERING, java.util.Arrays.stream(orgIds)
                .map(org -> new Attendee("ce-" + org, org, Seniority.EXECUTIVE)).toList());
    }

    static List<Violation> violations(ProposedEvent proposed) {
        var v = new Validation();
        proposed.validate(v, NOW);
        return v.violations();
    }

    @Test
    void a_formed_partnership_has_its_founders_as_partners_from_the_day_it_formed() {
        var state = given(drive());
        assertThat(state.id()).isEqualTo(ID);
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.formedOn()).isEqualTo(java.time.LocalDate.of(2026, 1, 12));
        assertThat(state.partners()).extracting(Partner::orgId).containsExactly("respect", "safelives",
                "social-finance");
        assertThat(state.isPartner("respect")).isTrue();
        assertThat(state.isPartner("acme")).isFalse();
    }

    @Test
    void a_partnership_is_formed_once() {
        var state = given(drive());
        assertThatThrownBy(() -> PartnershipDecider.decide(state, new ProposedEvent(UUID.randomUUID(), NOW, drive())))
                .isInstanceOfSatisfying(RuleBroken.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.PARTNERSHIP_ALREADY_FORMED));
    }

    @Test
    void nothing_is_recorded_into_a_partnership_never_formed() {
        assertThatThrownBy(() -> PartnershipDecider.decide(null,
                new ProposedEvent(UUID.randomUUID(), NOW, steering("respect", "safelives"))))
                .isInstanceOfSatisfying(RuleBroken.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.PARTNERSHIP_NOT_FORMED));
    }

    @Test
    void partners_meeting_is_accepted_and_moves_the_version() {
        var state = given(drive());
        var meeting = steering("respect", "safelives");
        assertThatNoException().isThrownBy(() -> PartnershipDecider.decide(state,
                new ProposedEvent(UUID.randomUUID(), NOW, meeting)));
        var after = PartnershipDecider.evolve(state, ID, 2, NOW, meeting);
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.partners()).isEqualTo(state.partners());
    }

    @Test
    void an_organisation_outside_the_partnership_cannot_be_at_its_meeting() {
        var state = given(drive());
        assertThatThrownBy(() -> PartnershipDecider.decide(state,
                new ProposedEvent(UUID.randomUUID(), NOW, steering("respect", "acme"))))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.NOT_A_PARTNER);
                    assertThat(e.offendingId()).isEqualTo("acme");
                });
    }

    @Test
    void an_independent_chair_may_attend_without_an_organisation() {
        var state = given(drive());
        var meeting = new MeetingHeld(MeetingFormat.HYBRID, MeetingKind.BOARD, List.of(
                new Attendee("a", "respect", Seniority.DIRECTOR), new Attendee("b", "safelives", Seniority.STAFF),
                new Attendee("chair", null, Seniority.EXECUTIVE)));
        assertThat(violations(new ProposedEvent(UUID.randomUUID(), NOW, meeting))).isEmpty();
        assertThatNoException().isThrownBy(() -> PartnershipDecider.decide(state,
                new ProposedEvent(UUID.randomUUID(), NOW, meeting)));
    }

    @Test
    void nothing_happens_before_the_day_the_partnership_formed_by_calendar_day() {
        var state = given(drive());
        var dayBefore = Instant.parse("2026-01-11T23:59:59Z");
        var sameDayEarlier = Instant.parse("2026-01-12T00:00:00Z");
        assertThatThrownBy(() -> PartnershipDecider.decide(state,
                new ProposedEvent(UUID.randomUUID(), dayBefore, steering("respect", "safelives"))))
                .isInstanceOfSatisfying(RuleBroken.class,
                        e -> assertThat(e.rule()).isEqualTo(Rule.OCCURRED_BEFORE_FORMATION));
        assertThatNoException().isThrownBy(() -> PartnershipDecider.decide(state,
                new ProposedEvent(UUID.randomUUID(), sameDayEarlier, steering("respect", "safelives"))));
    }

    @Test
    void an_event_may_be_dated_up_to_a_day_ahead_but_no_further() {
        var meeting = steering("respect", "safelives");
        assertThat(violations(new ProposedEvent(null, NOW.plusSeconds(24 * 3600), meeting))).isEmpty();
        assertThat(violations(new ProposedEvent(null, NOW.plusSeconds(24 * 3600 + 1), meeting)))
                .extracting(Violation::field).containsExactly("occurredAt");
        assertThat(violations(new ProposedEvent(null, null, meeting)))
                .extracting(Violation::field).containsExactly("occurredAt");
    }

    @Test
    void a_formation_needs_a_name_a_type_and_two_distinct_founders() {
        var bad = new PartnershipFormed(" ", null, "x".repeat(2001),
                List.of(new Organisation("respect", "Respect", Sector.VOLUNTARY)));
        assertThat(violations(new ProposedEvent(null, NOW, bad))).extracting(Violation::field)
                .containsExactlyInAnyOrder("name", "partnershipType", "problemStatement", "foundingPartners");

        var twice = new PartnershipFormed("Drive", PartnershipType.COOPERATIVE, null,
                List.of(new Organisation("respect", "Respect", Sector.VOLUNTARY),
                        new Organisation("respect", "Respect again", Sector.VOLUNTARY)));
        assertThat(violations(new ProposedEvent(null, NOW, twice))).extracting(Violation::field)
                .containsExactly("foundingPartners[1].orgId");

        var incomplete = new PartnershipFormed("Drive", PartnershipType.COOPERATIVE, null,
                java.util.Arrays.asList(new Organisation(null, "", null), null));
        assertThat(violations(new ProposedEvent(null, NOW, incomplete))).extracting(Violation::field)
                .containsExactlyInAnyOrder("foundingPartners[0].orgId", "foundingPartners[0].name",
                        "foundingPartners[0].sector", "foundingPartners[1]");
    }

    @Test
    void a_name_may_be_two_hundred_characters_and_no_more() {
        var founders = drive().foundingPartners();
        var longest = new PartnershipFormed("n".repeat(200), PartnershipType.SECONDMENT, null, founders);
        var tooLong = new PartnershipFormed("n".repeat(201), PartnershipType.SECONDMENT, null, founders);
        assertThat(violations(new ProposedEvent(null, NOW, longest))).isEmpty();
        assertThat(violations(new ProposedEvent(null, NOW, tooLong))).extracting(Violation::field)
                .containsExactly("name");
    }

    @Test
    void a_meeting_needs_a_format_a_kind_and_people_from_two_organisations() {
        var alone = new MeetingHeld(null, null, List.of(new Attendee("a", "respect", Seniority.STAFF),
                new Attendee("b", "respect", Seniority.STAFF)));
        assertThat(violations(new ProposedEvent(null, NOW, alone))).extracting(Violation::field)
                .containsExactlyInAnyOrder("format", "kind", "attendees");

        var one = new MeetingHeld(MeetingFormat.VIRTUAL, MeetingKind.WORKSHOP,
                List.of(new Attendee("a", "respect", Seniority.STAFF)));
        assertThat(violations(new ProposedEvent(null, NOW, one))).extracting(Violation::field)
                .contains("attendees");

        var unnamed = new MeetingHeld(MeetingFormat.VIRTUAL, MeetingKind.WORKSHOP,
                List.of(new Attendee("", "respect", null), new Attendee("b", "safelives", Seniority.STAFF)));
        assertThat(violations(new ProposedEvent(null, NOW, unnamed))).extracting(Violation::field)
                .containsExactlyInAnyOrder("attendees[0].personRef", "attendees[0].seniority");
    }

    @Test
    void every_event_type_has_one_stored_name_and_a_schema_version() {
        assertThat(EventCatalog.all()).hasSize(33).extracting(EventCatalog.EventType::name).doesNotHaveDuplicates();
        assertThat(EventCatalog.all()).extracting(EventCatalog.EventType::payloadClass).doesNotHaveDuplicates();
        for (var type : PartnershipEvent.class.getPermittedSubclasses()) {
            assertThat(EventCatalog.all()).anyMatch(t -> t.payloadClass() == type);
        }
        assertThat(EventCatalog.of(drive()).name()).isEqualTo("PartnershipFormed");
        assertThat(EventCatalog.byName("MeetingHeld")).map(EventCatalog.EventType::schemaVersion).contains(1);
    }
}
