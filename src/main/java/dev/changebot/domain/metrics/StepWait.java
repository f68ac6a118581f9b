package dev.changebot.domain.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
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

    /** The waits of every step of the change that is done. */
    public static List<StepWait> of(ChangeFact change) {
        var lastByStep = new TreeMap<Integer, Instant>();
        var rolesByStep = new TreeMap<Integer, TreeSet<String>>();
        for (var approval : change.approvals()) {
            lastByStep.merge(approval.step(), approval.at(), (a, b) -> a.isAfter(b) ? a : b);
            rolesByStep.computeIfAbsent(approval.step(), s -> new TreeSet<>()).addAll(approval.roles());
        }
        var waits = new ArrayList<StepWait>();
        var opened = change.requestedAt();
        for (var entry : lastByStep.entrySet()) {
            int step = entry.getKey();
            var completed = entry.getValue();
            boolean done = lastByStep.higherKey(step) != null || change.fullyApprovedAt() != null;
            if (done && !completed.isBefore(opened)) {
                waits.add(new StepWait(change.number(), change.className(), step, List.copyOf(rolesByStep.get(step)),
                        completed, Duration.between(opened, completed).toSeconds() / 3600.0));
            }
            opened = completed.isAfter(opened) ? completed : opened;
        }
        return waits;
    }
}
