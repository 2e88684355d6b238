package org.rapport.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.domain.health.Health;
import org.rapport.ledger.Portfolio;

class PortfolioCsvTest {

    static Portfolio.Entry entry(String id, String name, String status, Integer overall, List<Integer> scores,
            List<String> alerts, Portfolio.AlertSummary worst) {
        var map = new LinkedHashMap<String, Integer>();
        var names = List.of("trust", "alignment", "governance", "sustainability", "engagement", "momentum");
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), scores.get(i));
        }
        return new Portfolio.Entry(UUID.fromString(id), name, "COLLABORATIVE", status, overall, map, alerts, worst,
                List.of("VOLUNTARY"), Instant.parse("2026-11-27T02:15:00Z"), 12);
    }

    @Test
    void the_example_in_the_contract_is_what_the_export_writes() {
        var rows = List.of(
                entry("9d3c2b1a-0f4e-4d5c-8b7a-6f5e4d3c2b1a", "Drive Partnership", "AMBER", 68,
                        Arrays.asList(81, 77, 52, null, 74, 28), List.of("NO_AGREEMENT", "NO_MEASURES"),
                        new Portfolio.AlertSummary("NO_AGREEMENT", Health.Severity.MEDIUM,
                                "No partnership agreement in force", LocalDate.parse("2026-07-11"))),
                entry("0b6f7e2c-8d1a-4c3b-9e5f-2a1b0c9d8e7f", "=Families First", "NOT_ENOUGH_DATA", null,
                        Arrays.asList(null, null, null, null, null, null), List.of(), null));
        assertThat(PortfolioCsv.write(rows)).isEqualTo(Examples.PORTFOLIO_CSV);
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_shown_as_text() {
        for (var formula : List.of("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1")) {
            assertThat(PortfolioCsv.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        for (var plain : List.of("Drive Partnership", "Families = First", "1-2-3 Start", "")) {
            assertThat(PortfolioCsv.cell(plain)).as(plain).isEqualTo(plain);
        }
    }
}
