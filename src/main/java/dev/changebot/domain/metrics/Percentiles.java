package dev.changebot.domain.metrics;

import java.util.List;

/** Medians and percentiles by the nearest-rank method on the sorted values (p50 of 1,2,3,4 is 2). */
final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 < p <= 100), or null for no values. */
    static Double of(List<Double> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
