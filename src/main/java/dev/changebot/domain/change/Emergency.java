package dev.changebot.domain.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a change an emergency: its incident commander, the incident's severity, and what it
 * owes afterwards. Immutable: meeting or missing an obligation gives a new value, which the change
 * keeps while it moves its own state.
 */
public record Emergency(String incidentCommander, Optional<String> severity, List<Obligation> obligations) {

    public Emergency {
        obligations = List.copyOf(obligations);
    }

    boolean anyOpen() {
        return obligations.stream().anyMatch(Obligation::isOpen);
    }

    Emergency satisfied(String name, String userId, Instant at, Map<String, String> answers) {
        return with(obligations.stream().map(o -> o.name().equals(name) ? o.satisfied(userId, at, answers) : o).toList());
    }

    /** The obligation still pending under that name, if its deadline has not been recorded as missed yet. */
    public Optional<Obligation> pending(String name) {
        return obligations.stream().filter(o -> o.name().equals(name) && o.status() == Obligation.Status.PENDING)
                .findFirst();
    }

    Emergency overdue(String name) {
        return with(obligations.stream().map(o -> o.name().equals(name) ? o.overdue() : o).toList());
    }

    private Emergency with(List<Obligation> changed) {
        return new Emergency(incidentCommander, severity, changed);
    }
}
