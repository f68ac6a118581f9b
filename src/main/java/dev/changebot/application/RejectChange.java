package dev.changebot.application;

import dev.changebot.domain.approval.ApprovalRule;
import dev.changebot.domain.change.ChangeId;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Turns a change down with a reason; the change ends there. */
@Singleton
public class RejectChange {

    private final LockedChangeAction action;
    private final ApprovalRule rule;
    private final RoleDirectory directory;
    private final Clock clock;

    public RejectChange(LockedChangeAction action, ApprovalRule rule, RoleDirectory directory, Clock clock) {
        this.action = action;
        this.rule = rule;
        this.directory = directory;
        this.clock = clock;
    }

    public ActionOutcome reject(String workspaceId, ChangeId id, String userId, String reason) {
        if (reason == null || reason.isBlank()) {
            return new ActionOutcome.Refused("Say why you reject " + id + ": the requester needs to know what to fix.");
        }
        var roles = directory.rolesOf(workspaceId, userId);
        return action.run(workspaceId, id,
                change -> rule.mayReject(change, userId, roles),
                change -> change.reject(userId, reason, clock.instant()));
    }
}
