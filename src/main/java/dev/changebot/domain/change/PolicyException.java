package dev.changebot.domain.change;

import java.time.Instant;
import java.util.List;

/** A change started against the calendar: who overrode which rules (one or several people), when, and why. */
public record PolicyException(List<String> overriddenBy, Instant at, String justification, List<String> rules) {

    public PolicyException {
        overriddenBy = List.copyOf(overriddenBy);
        rules = List.copyOf(rules);
    }
}
