package dev.changebot.domain.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a KPI's measured value must stand against its threshold. */
public enum Comparison {
    BELOW("<", "lt"),
    AT_MOST("<=", "le"),
    ABOVE(">", "gt"),
    AT_LEAST(">=", "ge"),
    EQUAL("=", "eq");

    /** Values computed as fractions (0.05) are compared to thresholds written as "5%" within this. */
    private static final double TOLERANCE = 1e-9;

    private final String symbol;
    private final String word;

    Comparison(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    /** As a policy writes it: {@code <}, {@code <=}, {@code >}, {@code >=}, {@code =}. */
    public String symbol() {
        return symbol;
    }

    /** A symbol or its word (lt, le, gt, ge, eq): a bare {@code >} starts folded text in YAML. */
    public static Optional<Comparison> parse(String text) {
        var written = "==".equals(text) ? "=" : text;
        return Arrays.stream(values()).filter(c -> c.symbol.equals(written) || c.word.equals(written)).findFirst();
    }

    public static List<String> written() {
        return Arrays.stream(values()).map(Comparison::symbol).toList();
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case BELOW -> value < threshold - TOLERANCE;
            case AT_MOST -> value <= threshold + TOLERANCE;
            case ABOVE -> value > threshold + TOLERANCE;
            case AT_LEAST -> value >= threshold - TOLERANCE;
            case EQUAL -> Math.abs(value - threshold) <= TOLERANCE;
        };
    }
}
