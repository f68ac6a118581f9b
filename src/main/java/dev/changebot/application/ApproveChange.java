package dev.changebot.application;

import dev.changebot.domain.approval.ApprovalRule;
import dev.changebot.domain.change.ChangeId;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Records one person's approval of a change. */
@Singleton
public class ApproveChange {

    private final LockedChangeAction action;
    private final ApprovalRule rule;
    private final Clock clock;

    public ApproveChange(LockedChangeAction action, ApprovalRule rule, Clock clock) {
        this.action = action;
        this.rule = rule;
        this.clock = clock;
    }

    public ActionOutcome approve(String workspaceId, ChangeId id, String approverId) {
        return action.run(workspaceId, id,
                change -> rule.mayApprove(change, approverId),
                change -> change.approve(approverId, clock.instant(), rule));
    }
}
