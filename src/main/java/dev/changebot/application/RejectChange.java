package dev.changebot.application;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.rules.ChangeCommand;
import jakarta.inject.Singleton;

/** Turns a change down with a reason; the change ends there. */
@Singleton
public class RejectChange {

    private final ChangeService service;

    public RejectChange(ChangeService service) {
        this.service = service;
    }

    public ActionOutcome reject(String workspaceId, ChangeId id, String userId, String reason) {
        return service.run(workspaceId, id, userId, new ChangeCommand.Reject(reason));
    }
}
