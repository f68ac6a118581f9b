package dev.changebot.application;

import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartCheck;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Starting an approved change re-checks the calendar at that moment. Inside a freeze or outside
 * a window only the policy's override roles may start it, with a written justification that is
 * recorded as an exception.
 */
@Singleton
public class StartChange {

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeAnnouncer announcer;
    private final RoleDirectory directory;
    private final CalendarStates calendar;
    private final Policy policy;
    private final Clock clock;

    public StartChange(Changes changes, Transactions transactions, ChangeAnnouncer announcer, RoleDirectory directory,
                       CalendarStates calendar, Policy policy, Clock clock) {
        this.changes = changes;
        this.transactions = transactions;
        this.announcer = announcer;
        this.directory = directory;
        this.calendar = calendar;
        this.policy = policy;
        this.clock = clock;
    }

    /** Without a justification, a blocked start is only explained; with one, it is an override attempt. */
    public Outcome start(String workspaceId, ChangeId id, String userId, Optional<String> justification) {
        var roles = directory.rolesOf(workspaceId, userId);
        var now = clock.instant();
        Outcome outcome = transactions.inTransaction(() -> {
            var state = calendar.at(workspaceId, now);
            var found = changes.findForUpdate(workspaceId, id);
            if (found.isEmpty()) {
                return new Outcome.Refused(id + " does not exist here.");
            }
            var change = found.get();
            if (mayStart(change, userId, roles) instanceof Decision.Refused refused) {
                return new Outcome.Refused(refused.reason());
            }
            var changeClass = policy.changeClass(change.changeClass());
            if (changeClass.isEmpty()) {
                return new Outcome.Refused(change.id() + "'s class is not in the current policy.");
            }
            var check = StartCheck.of(policy, changeClass.get(), state, now, roles);
            if (check.allowed()) {
                changes.update(change, change.start(userId, now));
                return new Outcome.Started(change);
            }
            if (justification.isEmpty() || justification.get().isBlank()) {
                return new Outcome.Blocked(check);
            }
            if (!check.mayOverride()) {
                return new Outcome.Refused(check.summary() + " " + check.overrideRefusal());
            }
            changes.update(change, change.startByOverride(userId, now, justification.get(), check.blockingRules()));
            return new Outcome.Started(change);
        });
        if (outcome instanceof Outcome.Started started) {
            announcer.refresh(started.change());
        }
        return outcome;
    }

    /** The requester starts the work, or anyone the policy trusts to approve or override it. */
    private Decision mayStart(Change change, String userId, Set<String> roles) {
        if (change.state() != ChangeState.APPROVED) {
            return Decision.refused(change.id() + " is " + change.state().label() + "; only an approved change can start.");
        }
        if (change.requesterId().equals(userId) || !roles.isEmpty()) {
            return Decision.ALLOWED;
        }
        return Decision.refused("Only the requester of " + change.id() + " or someone holding a policy role can start it.");
    }

    public sealed interface Outcome {

        record Started(Change change) implements Outcome {
        }

        /** The calendar says no; {@code check} says why and whether this person may override. */
        record Blocked(StartCheck check) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }
}
