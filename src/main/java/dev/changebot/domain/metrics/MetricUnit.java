package dev.changebot.domain.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a metric's number counts, and how people read it: rates are fractions written as percentages. */
public enum MetricUnit {
    /** A fraction 0..1, read as a percentage ("2.1 %"). */
    RATE,
    /** A duration in hours ("3.5 h"). */
    HOURS,
    /** A number of things ("0"). */
    COUNT,
    /** How many a week on average ("12 a week"). */
    PER_WEEK;

    /** The value in the words people read: one decimal at most, no trailing ".0". */
    public String format(double value) {
        return switch (this) {
            case RATE -> plain(value * 100) + " %";
            case HOURS -> plain(value) + " h";
            case COUNT -> plain(value);
            case PER_WEEK -> plain(value) + " a week";
        };
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
