package dev.changebot.application;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.rules.ChangeCommand;
import jakarta.inject.Singleton;

/** Records one person's approval of the step now open on a change's approval chain. */
@Singleton
public class ApproveChange {

    private final ChangeService service;

    public ApproveChange(ChangeService service) {
        this.service = service;
    }

    public ActionOutcome approve(String workspaceId, ChangeId id, String approverId) {
        return service.run(workspaceId, id, approverId, new ChangeCommand.Approve());
    }
}
