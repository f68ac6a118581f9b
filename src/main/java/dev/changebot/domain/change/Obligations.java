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
 * What an emergency owes afterwards, as one value: who may meet each obligation, and the list as
 * it becomes after one is met or missed. The change applies the result to its own state.
 */
final class Obligations {

    private Obligations() {
    }

    static boolean anyOpen(List<Obligation> obligations) {
        return obligations.stream().anyMatch(Obligation::isOpen);
    }

    /** Not the declarer (nor the commander) where the policy says so; someone holding a named role, if any. */
    static Decision mayAnswer(List<Obligation> obligations, ChangeId id, String name, String userId,
                              Set<String> declarers, Set<String> roles) {
        var found = obligations.stream().filter(o -> o.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            return Decision.refused(id + " owes no '" + name + "'.");
        }
        var o = found.get();
        if (!o.isOpen()) {
            return Decision.refused(o.label() + " of " + id + " is already done.");
        }
        if (o.notDeclarer() && declarers.contains(userId)) {
            return Decision.refused("You declared " + id + ", so its " + o.label() + " must come from someone else.");
        }
        if (!o.roles().isEmpty() && Collections.disjoint(o.roles(), roles)) {
            return Decision.refused(o.label() + " of " + id + " takes " + String.join(" or ", new TreeSet<>(o.roles())) + ".");
        }
        return Decision.ALLOWED;
    }

    static List<Obligation> satisfied(List<Obligation> obligations, String name, String userId, Instant at,
                                      Map<String, String> answers) {
        return obligations.stream().map(o -> o.name().equals(name) ? o.satisfied(userId, at, answers) : o).toList();
    }

    /** The obligation still pending under that name, if its deadline has not been recorded as missed yet. */
    static Optional<Obligation> pending(List<Obligation> obligations, String name) {
        return obligations.stream().filter(o -> o.name().equals(name) && o.status() == Obligation.Status.PENDING)
                .findFirst();
    }

    static List<Obligation> overdue(List<Obligation> obligations, String name) {
        return obligations.stream().map(o -> o.name().equals(name) ? o.overdue() : o).toList();
    }
}
