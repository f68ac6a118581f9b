package dev.changebot.application;

import dev.changebot.domain.approval.ApprovalRule;
import dev.changebot.domain.change.ChangeId;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Records one person's approval of the step now open on a change's approval chain. */
@Singleton
public class ApproveChange {

    private final LockedChangeAction action;
    private final ApprovalRule rule;
    private final RoleDirectory directory;
    private final Clock clock;

    public ApproveChange(LockedChangeAction action, ApprovalRule rule, RoleDirectory directory, Clock clock) {
        this.action = action;
        this.rule = rule;
        this.directory = directory;
        this.clock = clock;
    }

    public ActionOutcome approve(String workspaceId, ChangeId id, String approverId) {
        // Roles are looked up before the row lock: the lookup may call the chat platform.
        var roles = directory.rolesOf(workspaceId, approverId);
        return action.run(workspaceId, id,
                change -> rule.mayApprove(change, approverId, roles),
                change -> change.approve(approverId, roles, clock.instant(), rule));
    }
}
