package org.rapport.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule the answers name is a {@link HealthRule}, found again by its name on the wire. */
class HealthRuleTest {

    @Test
    void each_rule_has_its_own_name_on_the_wire_and_is_found_by_it() {
        var wires = Arrays.stream(HealthRule.values()).map(HealthRule::wire).toList();
        assertThat(wires).doesNotHaveDuplicates();
        for (var rule : HealthRule.values()) {
            assertThat(HealthRule.ofWire(rule.wire())).contains(rule);
        }
        assertThat(HealthRule.ofWire("LOW_TRUST_PAIR")).isEmpty();
        assertThat(HealthRule.LOW_TRUST_PAIR.wire()).isEqualTo("low-trust-pair");
        assertThat(HealthRule.TRUST_SURVEY.wire()).isEqualTo("trust-survey");
    }

    @Test
    void every_rule_in_generated_answers_is_named() {
        Set<String> seen = new HashSet<>();
        for (long seed = 1; seed <= 200; seed++) {
            var events = HealthV2PropertiesTest.generated(seed, HealthV2PropertiesTest.TODAY.minusDays(700),
                    HealthV2PropertiesTest.TODAY, 40 + (int) (seed % 60));
            var health = HealthAssessor.assess(events, HealthV2PropertiesTest.at(HealthV2PropertiesTest.TODAY, 23),
                    HealthParams.CURRENT);
            health.dimensions().values().forEach(d -> {
                d.reasons().forEach(r -> seen.add(r.rule()));
                d.notAssessed().forEach(n -> seen.add(n.rule()));
            });
        }
        assertThat(seen).isNotEmpty().allSatisfy(w -> assertThat(HealthRule.ofWire(w)).as(w).isPresent());
    }
}
