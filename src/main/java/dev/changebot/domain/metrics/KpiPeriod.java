package dev.changebot.domain.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The stretch of time a KPI target is measured over and reviewed for. */
public enum KpiPeriod {
    WEEK,
    MONTH,
    QUARTER;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KpiPeriod> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.word().equals(text)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(KpiPeriod::word).toList();
    }
}
