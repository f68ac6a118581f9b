package dev.changebot.domain.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The decision on a check: its state, why, and when the calendar next lets it go (for a pending one). */
public record GateVerdict(GateState state, List<GateReason> reasons, Optional<Instant> nextOpen) {

    public GateVerdict {
        reasons = List.copyOf(reasons);
    }

    public boolean sameAs(GateVerdict other) {
        return state == other.state && reasons.equals(other.reasons) && nextOpen.equals(other.nextOpen);
    }
}
