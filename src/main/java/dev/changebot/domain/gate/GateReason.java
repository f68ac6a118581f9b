package dev.changebot.domain.gate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason for a check's state: a stable {@code code} a pipeline can branch on, the {@code text} a
 * person reads, and, when the obstacle ends on its own, {@code until} when.
 */
public record GateReason(String code, String text, Optional<Instant> until) {

    public GateReason {
        Objects.requireNonNull(code);
        Objects.requireNonNull(text);
        Objects.requireNonNull(until);
    }

    public static GateReason of(String code, String text) {
        return new GateReason(code, text, Optional.empty());
    }

    public static GateReason until(String code, String text, Instant until) {
        return new GateReason(code, text, Optional.of(until));
    }
}
