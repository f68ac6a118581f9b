package dev.changebot.domain.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Something an emergency owes afterwards, from the policy's follow-ups: a post-hoc review, an
 * incident report, a retroactive approval... with its absolute deadline. A missed deadline is
 * recorded (the due time stays the original one) and the obligation stays open until satisfied.
 */
public record Obligation(String name, String label, Instant dueAt, Set<String> roles, boolean notDeclarer,
                         List<String> asks, Status status, Optional<String> satisfiedBy, Optional<Instant> satisfiedAt,
                         Map<String, String> answers, Optional<String> onlyBy) {

    public enum Status { PENDING, OVERDUE, SATISFIED }

    /** Anyone the roles allow may satisfy it. */
    public Obligation(String name, String label, Instant dueAt, Set<String> roles, boolean notDeclarer,
                      List<String> asks, Status status, Optional<String> satisfiedBy, Optional<Instant> satisfiedAt,
                      Map<String, String> answers) {
        this(name, label, dueAt, roles, notDeclarer, asks, status, satisfiedBy, satisfiedAt, answers, Optional.empty());
    }

    /** The same obligation, which only {@code userId} may satisfy (who gave a verbal approval confirms it). */
    public Obligation onlyBy(String userId) {
        return new Obligation(name, label, dueAt, roles, notDeclarer, asks, status, satisfiedBy, satisfiedAt, answers,
                Optional.of(userId));
    }

    public Obligation {
        roles = Set.copyOf(roles);
        asks = List.copyOf(asks);
        answers = Map.copyOf(answers);
    }

    public static Obligation owed(String name, String label, Instant dueAt, Set<String> roles, boolean notDeclarer,
                                  List<String> asks) {
        return new Obligation(name, label, dueAt, roles, notDeclarer, asks, Status.PENDING, Optional.empty(),
                Optional.empty(), Map.of());
    }

    public boolean isOpen() {
        return status != Status.SATISFIED;
    }

    Obligation overdue() {
        return new Obligation(name, label, dueAt, roles, notDeclarer, asks, Status.OVERDUE, satisfiedBy, satisfiedAt,
                answers, onlyBy);
    }

    Obligation satisfied(String userId, Instant at, Map<String, String> given) {
        return new Obligation(name, label, dueAt, roles, notDeclarer, asks, Status.SATISFIED, Optional.of(userId),
                Optional.of(at), given, onlyBy);
    }
}
