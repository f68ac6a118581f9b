package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.Notice;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Something owed after a change, typically an emergency: a post-hoc review within 24 h, an
 * incident report, a retroactive second approval, a backfilled PR review in 2 business days.
 * {@code roles} empty means anyone may satisfy it; {@code notDeclarer} keeps the declarer from
 * reviewing their own emergency. {@code asks} are the questions the satisfying form puts;
 * {@code severities}, when given, limit it to emergencies of those incident severities;
 * {@code owedWithoutSeverity} says whether an emergency declared without a severity owes it;
 * {@code byVerbalApprover}: only the person who gave the emergency's verbal approval may satisfy
 * it (POL-008: the CTO or CEO confirms their own verbal approval in writing).
 * {@code after}: what starts its clock (any one of them; empty: the class's default, the
 * declaration for an emergency, completion for any other change); {@code repeat} times, each
 * {@code every} after the one before ("daily status updates for 3 days").
 */
public record FollowUp(String name, String label, Notice within, Set<String> roles, boolean notDeclarer,
                       List<String> asks, Set<String> severities, boolean owedWithoutSeverity,
                       boolean byVerbalApprover, List<FollowUpTrigger> after, int repeat, Duration every) {

    public FollowUp(String name, String label, Notice within, Set<String> roles, boolean notDeclarer,
                    List<String> asks, Set<String> severities, boolean owedWithoutSeverity,
                    boolean byVerbalApprover) {
        this(name, label, within, roles, notDeclarer, asks, severities, owedWithoutSeverity, byVerbalApprover,
                List.of(), 1, Duration.ZERO);
    }

    public FollowUp(String name, String label, Notice within, Set<String> roles, boolean notDeclarer,
                    List<String> asks, Set<String> severities, boolean owedWithoutSeverity) {
        this(name, label, within, roles, notDeclarer, asks, severities, owedWithoutSeverity, false);
    }

    /** Owed without a severity too: nobody said it may be skipped. */
    public FollowUp(String name, String label, Notice within, Set<String> roles, boolean notDeclarer,
                    List<String> asks, Set<String> severities) {
        this(name, label, within, roles, notDeclarer, asks, severities, true, false);
    }

    public FollowUp {
        // In the policy's order: people read them as written.
        roles = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(roles));
        asks = List.copyOf(asks);
        severities = Set.copyOf(severities);
        after = List.copyOf(after);
        if (repeat < 1 || repeat > 1 && (every.isZero() || every.isNegative())) {
            throw new IllegalArgumentException("a follow-up is owed once, or repeated at a positive interval");
        }
    }

    /** What starts its clock, the class's default filled in: declaration for an emergency, completion otherwise. */
    public List<FollowUpTrigger> triggers(boolean emergencyClass) {
        if (!after.isEmpty()) {
            return after;
        }
        return List.of(FollowUpTrigger.of(emergencyClass ? FollowUpTrigger.Kind.DECLARED : FollowUpTrigger.Kind.COMPLETED));
    }

    /** Owed when the emergency is declared (as every follow-up was before triggers existed). */
    public boolean owedAtDeclaration(boolean emergencyClass) {
        return triggers(emergencyClass).stream().anyMatch(t -> t.kind() == FollowUpTrigger.Kind.DECLARED);
    }

    /**
     * Whether an emergency of this severity owes it: {@code severities} empty means every
     * emergency does ("executive report for P0 incidents" lists P0); an emergency declared
     * without a severity owes it too, since nobody said it may be skipped — unless the policy says
     * only a declared severity calls for it (chat-backend's security timeline: 1 h mitigation).
     */
    public boolean owedAt(java.util.Optional<String> severity) {
        if (severities.isEmpty()) {
            return true;
        }
        if (severity.isEmpty()) {
            return owedWithoutSeverity;
        }
        return severities.stream().anyMatch(s -> s.equalsIgnoreCase(severity.get()));
    }
}
