package dev.changebot.domain.change;

import dev.changebot.domain.approval.Decision;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * Where the policy says "not the declarer", someone independent of the decision: not the
     * declarer, not the commander, and not whoever approved the emergency before it went ahead
     * (a retroactive second approval comes from a second person); someone holding a named role, if any.
     */
    Decision mayAnswer(ChangeId id, String declarer, Set<String> approvers, String name, String userId, Set<String> roles) {
        var found = obligations.stream().filter(o -> o.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            return Decision.refused(id + " owes no '" + name + "'.");
        }
        var o = found.get();
        if (!o.isOpen()) {
            return Decision.refused(o.label() + " of " + id + " is already done.");
        }
        if (o.notDeclarer() && (userId.equals(declarer) || userId.equals(incidentCommander))) {
            return Decision.refused("You declared " + id + ", so its " + o.label() + " must come from someone else.");
        }
        if (o.notDeclarer() && approvers.contains(userId)) {
            return Decision.refused("You approved " + id + " before it went ahead, so its " + o.label()
                    + " must come from someone else.");
        }
        if (!o.roles().isEmpty() && Collections.disjoint(o.roles(), roles)) {
            return Decision.refused(o.label() + " of " + id + " takes " + String.join(" or ", new TreeSet<>(o.roles())) + ".");
        }
        return Decision.ALLOWED;
    }

    Emergency satisfied(String name, String userId, Instant at, Map<String, String> answers) {
        return with(obligations.stream().map(o -> o.name().equals(name) ? o.satisfied(userId, at, answers) : o).toList());
    }

    /** The obligation still pending under that name, if its deadline has not been recorded as missed yet. */
    Optional<Obligation> pending(String name) {
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
