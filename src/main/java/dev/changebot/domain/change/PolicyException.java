package dev.changebot.domain.change;

import java.time.Instant;
import java.util.List;

/** A change started against the calendar: who overrode which rules, when, and why. */
public record PolicyException(String overriddenBy, Instant at, String justification, List<String> rules) {

    public PolicyException {
        rules = List.copyOf(rules);
    }
}
