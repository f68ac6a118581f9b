package dev.changebot.domain.metrics;

import dev.changebot.domain.audit.CanonicalJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** A report as a reader takes it: CSV (one row per number), JSON (the API's body) or Markdown (for people). */
public final class ReportFormats {

    public static final List<String> NAMES = List.of("csv", "json", "md");
    private static final String NO_DATA = "no data";

    private ReportFormats() {
    }

    public static String render(MetricsReport report, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> csv(report);
            case "json" -> json(report, report.rows());
            case "md" -> markdown(report);
            default -> throw new IllegalArgumentException("Format " + format + " is not one of " + String.join(", ", NAMES));
        };
    }

    /** metric,by,key,value,samples; an empty value is "no data". */
    public static String csv(MetricsReport report) {
        var out = new StringBuilder("metric,by,key,value,samples\r\n");
        for (var row : report.rows()) {
            out.append(row.metric()).append(',').append(row.by()).append(',').append(quoted(row.key())).append(',')
                    .append(row.hasData() ? number(row.value()) : "").append(',').append(row.samples()).append("\r\n");
        }
        return out.toString();
    }

    /**
     * The report's head and the rows given (all of them, or the DORA keys alone). Written by hand:
     * the canonical JSON writer holds no fractions, and a rate is one.
     */
    public static String json(MetricsReport report, List<MetricRow> rows) {
        var window = report.window();
        var out = new StringBuilder("{\"period\":").append(CanonicalJson.write(window.label()))
                .append(",\"from\":").append(CanonicalJson.write(CanonicalJson.instant(window.from())))
                .append(",\"until\":").append(CanonicalJson.write(CanonicalJson.instant(window.until())))
                .append(",\"zone\":").append(CanonicalJson.write(window.zone()))
                .append(",\"environment\":").append(CanonicalJson.write(window.target()))
                .append(",\"generated_at\":").append(CanonicalJson.write(CanonicalJson.instant(window.now())))
                .append(",\"no_data\":").append(report.noData()).append(",\"metrics\":[");
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            out.append(i > 0 ? "," : "").append("{\"metric\":").append(CanonicalJson.write(row.metric()))
                    .append(",\"by\":").append(CanonicalJson.write(row.by()))
                    .append(",\"key\":").append(CanonicalJson.write(row.key()))
                    .append(",\"value\":").append(row.hasData() ? number(row.value()) : "null")
                    .append(",\"samples\":").append(row.samples()).append('}');
        }
        return out.append("]}").toString();
    }

    public static String markdown(MetricsReport report) {
        var window = report.window();
        var out = new StringBuilder("# Changebot report " + window.label() + "\n\n");
        out.append(CanonicalJson.instant(window.from())).append(" to ").append(CanonicalJson.instant(window.until()))
                .append(" (exclusive), periods in ").append(window.zone()).append(".\n\n");
        if (report.noData()) {
            out.append("No data: nothing was requested, approved, deployed or finished in this period.\n\n");
        }
        out.append("| metric | value | samples |\n|---|---|---|\n");
        report.overall().forEach(r -> out.append("| ").append(r.metric()).append(" | ").append(shown(r)).append(" | ")
                .append(r.samples()).append(" |\n"));
        for (var by : List.of("class", "service", "environment", "step", "role")) {
            var rows = report.rows().stream().filter(r -> r.by().equals(by) && r.samples() > 0).toList();
            if (!rows.isEmpty()) {
                out.append("\n## By ").append(by).append("\n\n| ").append(by).append(" | metric | value | samples |\n|---|---|---|---|\n");
                rows.forEach(r -> out.append("| ").append(r.key().replace("|", "\\|")).append(" | ").append(r.metric())
                        .append(" | ").append(shown(r)).append(" | ").append(r.samples()).append(" |\n"));
            }
        }
        return out.toString();
    }

    private static String shown(MetricRow row) {
        return row.hasData() ? number(row.value()) : NO_DATA;
    }

    /** Four decimals at most, no trailing zeros: 0.25, 3, 1.3333. */
    static String number(double value) {
        var text = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
