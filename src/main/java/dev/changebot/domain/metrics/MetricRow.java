package dev.changebot.domain.metrics;

/**
 * One number of a report: a metric (its id from docs/metrics.md) for everything ({@code by} "all",
 * key "all") or for one class, service or environment. {@code value} is null when there was nothing
 * to compute it from ("no data", never 0 for a median of nothing); {@code samples} is how many facts it
 * rests on.
 */
public record MetricRow(String metric, String by, String key, Double value, long samples) {

    public static final String ALL = "all";

    public boolean hasData() {
        return value != null;
    }
}
