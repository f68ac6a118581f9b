package dev.changebot.domain.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * The span a report covers, [from, until), at {@code now}; {@code target} is the environment the
 * DORA keys are about (production unless a reader asks for another).
 */
public record MetricsWindow(String label, Instant from, Instant until, String zone, Instant now, String target) {

    public static final String PRODUCTION = "production";

    public MetricsWindow {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("A report's span ends after it starts");
        }
    }

    public boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(until);
    }

    /** Weeks in the span, as a fraction: a 30-day month is 30/7 weeks. */
    public double weeks() {
        return Duration.between(from, until).toSeconds() / (7.0 * 24 * 3600);
    }

    /** The target environment, or a rollout step of it ("production 25%"). */
    public boolean isTarget(String environment) {
        return environment != null && (environment.equals(target) || environment.startsWith(target + " "));
    }
}
