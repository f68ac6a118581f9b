package dev.changebot.application;

import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.util.function.Function;

/**
 * The shape every action on an existing change shares: lock the change, ask the rule, apply,
 * store state, event and the message refresh in one transaction. The lock makes
 * concurrent or repeated deliveries of one action see each other's result.
 */
@Singleton
public class LockedChangeAction {

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeAnnouncer announcer;

    public LockedChangeAction(Changes changes, Transactions transactions, ChangeAnnouncer announcer) {
        this.changes = changes;
        this.transactions = transactions;
        this.announcer = announcer;
    }

    public ActionOutcome run(String workspaceId, ChangeId id, Function<Change, Decision> rule,
                             Function<Change, ChangeEvent> action) {
        ActionOutcome outcome = transactions.inTransaction(() -> {
            var found = changes.findForUpdate(workspaceId, id);
            if (found.isEmpty()) {
                return new ActionOutcome.NotFound(id);
            }
            var change = found.get();
            if (rule.apply(change) instanceof Decision.Refused refused) {
                return new ActionOutcome.Refused(refused.reason());
            }
            changes.update(change, action.apply(change));
            announcer.changed(change);
            return new ActionOutcome.Done(change);
        });
        return outcome;
    }
}
