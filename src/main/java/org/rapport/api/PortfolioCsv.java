package org.rapport.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.List;
import java.util.Map;
import org.rapport.ledger.Portfolio;

/**
 * The portfolio as a spreadsheet opens it: a header row, then one row per partnership with its
 * status, overall and dimension scores, its most severe alert in plain words and all its alert
 * codes. Text is quoted, and a cell a spreadsheet would run as a formula is neutralised.
 */
final class PortfolioCsv {

    static final String MEDIA_TYPE = "text/csv";

    /** A row of the export; an empty cell is a score not assessed, or no alert. */
    @JsonPropertyOrder({"id", "name", "type", "status", "overall", "trust", "alignment", "governance", "sustainability",
        "engagement", "momentum", "mostSevereAlert", "mostSevereAlertSeverity", "alerts", "assessedAt"})
    record Row(String id, String name, String type, String status, Integer overall, Integer trust, Integer alignment,
            Integer governance, Integer sustainability, Integer engagement, Integer momentum, String mostSevereAlert,
            String mostSevereAlertSeverity, String alerts, String assessedAt) {

        static Row of(Portfolio.Entry entry) {
            Map<String, Integer> scores = entry.scores();
            var worst = entry.mostSevereAlert();
            return new Row(entry.id().toString(), cell(entry.name()), cell(entry.partnershipType()),
                    cell(entry.status()), entry.overall(), scores.get("trust"), scores.get("alignment"),
                    scores.get("governance"), scores.get("sustainability"), scores.get("engagement"),
                    scores.get("momentum"), worst == null ? null : cell(worst.label()),
                    worst == null ? null : worst.severity().name(), entry.alerts().isEmpty() ? null : String.join(";", entry.alerts()),
                    entry.assessedAt() == null ? null : entry.assessedAt().toString());
        }
    }

    private static final CsvMapper CSV = new CsvMapper();
    /** Lines end in CRLF, as RFC 4180 has them. */
    private static final ObjectWriter WRITER = CSV.writer(CSV.schemaFor(Row.class).withHeader().withLineSeparator("\r\n"))
            .with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);

    private PortfolioCsv() {
    }

    static String write(List<Portfolio.Entry> entries) {
        try {
            return WRITER.writeValueAsString(entries.stream().map(Row::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the portfolio cannot be written as CSV", e);
        }
    }

    /**
     * Text as a cell that a spreadsheet shows and never runs: one beginning with =, +, -, @, a tab
     * or a line break gets a leading apostrophe (OWASP, "CSV Injection"). A partnership's name is
     * whatever its founders typed.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return "=+-@\t\r\n".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
