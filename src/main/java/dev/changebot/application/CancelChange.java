package dev.changebot.application;

import dev.changebot.domain.change.ChangeId;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The requester withdraws their change. */
@Singleton
public class CancelChange {

    private final LockedChangeAction action;
    private final Clock clock;

    public CancelChange(LockedChangeAction action, Clock clock) {
        this.action = action;
        this.clock = clock;
    }

    public ActionOutcome cancel(String workspaceId, ChangeId id, String userId) {
        return action.run(workspaceId, id,
                change -> change.mayCancel(userId),
                change -> change.cancel(userId, clock.instant()));
    }
}
