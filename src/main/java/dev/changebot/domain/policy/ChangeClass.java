package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.Notice;
import dev.changebot.domain.change.ChangeField;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A class of change as the policy defines it (standard, normal, major, emergency... the names
 * and the count are the policy's): what a request must say, who approves it and in which order,
 * when it may start, how it rolls out and what it owes afterwards.
 *
 * @param windows     names of the allowed change windows; empty means any time
 * @param emergency   declared in-channel by an incident commander with unilateral authority; it
 *                    ignores windows and freezes but owes its follow-ups
 * @param preApproved recorded and approved at once (standard changes)
 * @param declarers   for an emergency class, the roles that may declare one (empty: anyone)
 * @param fallbackWindows windows open to a change of the class only once its first window passed without it
 *                    starting (chat-backend: "Fallback: Second Tuesday if first window fails")
 * @param verbalApprovers for an emergency class, the roles one of whom must have approved it by word
 *                    before it is declared (POL-008: "Verbal approval from CTO/CEO"); empty: none
 * @param stageApprovals approvals given during the deployment, before an environment, a rollout step or a
 *                    rollback (chat-backend: "Manual QA approval" between staging and production)
 * @param conflicts   a request whose planned window conflicts with other changes or runs into a freeze:
 *                    recorded with a warning, or refused ({@code conflicts: warn | block}, warn by default)
 */
public record ChangeClass(
        String name,
        String label,
        boolean preApproved,
        boolean emergency,
        Set<ChangeField> requiredFields,
        List<ApprovalStep> steps,
        List<String> windows,
        Notice notice,
        List<SoakStage> soak,
        Optional<Rollout> rollout,
        Optional<Duration> monitoring,
        Override override,
        List<FollowUp> followUps,
        Set<String> declarers,
        Set<String> verbalApprovers,
        List<String> fallbackWindows,
        List<StageApproval> stageApprovals,
        ConflictRule conflicts) {

    public ChangeClass(String name, String label, boolean preApproved, boolean emergency,
                       Set<ChangeField> requiredFields, List<ApprovalStep> steps, List<String> windows, Notice notice,
                       List<SoakStage> soak, Optional<Rollout> rollout, Optional<Duration> monitoring, Override override,
                       List<FollowUp> followUps, Set<String> declarers, Set<String> verbalApprovers,
                       List<String> fallbackWindows, List<StageApproval> stageApprovals) {
        this(name, label, preApproved, emergency, requiredFields, steps, windows, notice, soak, rollout, monitoring,
                override, followUps, declarers, verbalApprovers, fallbackWindows, stageApprovals, ConflictRule.WARN);
    }

    public ChangeClass(String name, String label, boolean preApproved, boolean emergency,
                       Set<ChangeField> requiredFields, List<ApprovalStep> steps, List<String> windows, Notice notice,
                       List<SoakStage> soak, Optional<Rollout> rollout, Optional<Duration> monitoring, Override override,
                       List<FollowUp> followUps, Set<String> declarers, Set<String> verbalApprovers,
                       List<String> fallbackWindows) {
        this(name, label, preApproved, emergency, requiredFields, steps, windows, notice, soak, rollout, monitoring,
                override, followUps, declarers, verbalApprovers, fallbackWindows, List.of());
    }

    public ChangeClass(String name, String label, boolean preApproved, boolean emergency,
                       Set<ChangeField> requiredFields, List<ApprovalStep> steps, List<String> windows, Notice notice,
                       List<SoakStage> soak, Optional<Rollout> rollout, Optional<Duration> monitoring, Override override,
                       List<FollowUp> followUps, Set<String> declarers, Set<String> verbalApprovers) {
        this(name, label, preApproved, emergency, requiredFields, steps, windows, notice, soak, rollout, monitoring,
                override, followUps, declarers, verbalApprovers, List.of());
    }

    public ChangeClass(String name, String label, boolean preApproved, boolean emergency,
                       Set<ChangeField> requiredFields, List<ApprovalStep> steps, List<String> windows, Notice notice,
                       List<SoakStage> soak, Optional<Rollout> rollout, Optional<Duration> monitoring, Override override,
                       List<FollowUp> followUps, Set<String> declarers) {
        this(name, label, preApproved, emergency, requiredFields, steps, windows, notice, soak, rollout, monitoring,
                override, followUps, declarers, Set.of());
    }

    public ChangeClass {
        requiredFields = Set.copyOf(requiredFields);
        steps = List.copyOf(steps);
        windows = List.copyOf(windows);
        soak = List.copyOf(soak);
        followUps = List.copyOf(followUps);
        declarers = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(declarers));
        verbalApprovers = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(verbalApprovers));
        fallbackWindows = List.copyOf(fallbackWindows);
        stageApprovals = List.copyOf(stageApprovals);
        conflicts = conflicts == null ? ConflictRule.WARN : conflicts;
    }

    public boolean needsApproval() {
        return !preApproved && !emergency && !steps.isEmpty();
    }
}
