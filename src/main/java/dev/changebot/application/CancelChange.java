package dev.changebot.application;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.rules.ChangeCommand;
import jakarta.inject.Singleton;

/** The requester withdraws their change. */
@Singleton
public class CancelChange {

    private final ChangeService service;

    public CancelChange(ChangeService service) {
        this.service = service;
    }

    public ActionOutcome cancel(String workspaceId, ChangeId id, String userId) {
        return service.run(workspaceId, id, userId, new ChangeCommand.Cancel());
    }
}
