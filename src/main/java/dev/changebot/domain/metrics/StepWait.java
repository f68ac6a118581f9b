package dev.changebot.domain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * How long one approval step of one change waited: from the moment it became the step to approve
 * (the previous step done, or the request for the first) to its last approval. A step counts once
 * it is done: a later step was approved after it, or it completed the chain. Chains are approved in
 * order (ReviewRules), so the previous step's last approval is when this one opened.
 *
 * @param roles the roles its approvals counted for (a step any of several roles may approve names
 *              those that did)
 */
public record StepWait(long change, String changeClass, int step, List<String> roles, Instant completedAt,
                       double hours) {

    public StepWait {
        roles = List.copyOf(roles);
    }

    /** "normal step 2", the key of the step breakdown. */
    public String stepKey() {
        return (changeClass == null || changeClass.isBlank() ? "none" : changeClass) + " step " + step;
    }

    /**
     * The waits of every step of the change that is done. One pass over its approvals sorted by step
     * (a report calls this for every change of every slice, so it allocates little).
     */
    public static List<StepWait> of(ChangeFact change) {
        var approvals = change.approvals();
        if (approvals.isEmpty()) {
            return List.of();
        }
        var byStep = new ArrayList<>(approvals);
        byStep.sort(Comparator.comparingInt(ChangeFact.Approval::step));
        var waits = new ArrayList<StepWait>(2);
        var opened = change.requestedAt();
        int i = 0;
        while (i < byStep.size()) {
            int step = byStep.get(i).step();
            var completed = byStep.get(i).at();
            var roles = new TreeSet<String>();
            int next = i;
            for (; next < byStep.size() && byStep.get(next).step() == step; next++) {
                var approval = byStep.get(next);
                completed = approval.at().isAfter(completed) ? approval.at() : completed;
                roles.addAll(approval.roles());
            }
            boolean done = next < byStep.size() || change.fullyApprovedAt() != null;
            if (done && !completed.isBefore(opened)) {
                waits.add(new StepWait(change.number(), change.className(), step, List.copyOf(roles), completed,
                        Duration.between(opened, completed).toSeconds() / 3600.0));
            }
            opened = completed.isAfter(opened) ? completed : opened;
            i = next;
        }
        return waits;
    }
}
