package dev.changebot.domain.rules;

import dev.changebot.domain.change.TimerKind;
import java.time.Instant;
import java.util.Optional;

/** A durable timer to set, or timers to call off, because of something recorded about a change. */
public sealed interface TimerChange {

    /** Ring at {@code at} for {@code ref} (a soak's stage, a follow-up's name). */
    record Arm(TimerKind kind, String ref, Instant at) implements TimerChange {
    }

    /** Call off the pending timers of a kind, all of them or only those for {@code ref}. */
    record Cancel(TimerKind kind, Optional<String> ref) implements TimerChange {
    }
}
