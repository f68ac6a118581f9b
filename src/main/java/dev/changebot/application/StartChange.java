package dev.changebot.application;

import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.OverrideRequest;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartCheck;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashSet;
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

    /**
     * Without a justification, a blocked start is only explained (or, for someone who may sign an
     * override, asks for one); with one, it is an override. An override needing several roles is
     * signed person by person; the first signer's justification stands for all.
     */
    public Outcome start(String workspaceId, ChangeId id, String userId, Optional<String> justification) {
        var roles = directory.rolesOf(workspaceId, userId);
        var now = clock.instant();
        Outcome outcome = transactions.inTransaction(() -> {
            var state = calendar.at(workspaceId, now);
            var change = changes.findForUpdate(workspaceId, id).orElseThrow(() -> new NoSuchChangeException(id));
            if (mayStart(change, userId, roles) instanceof Decision.Refused refused) {
                return new Outcome.Refused(refused.reason());
            }
            var changeClass = policy.changeClass(change.changeClass());
            if (changeClass.isEmpty()) {
                return new Outcome.Refused(change.id() + "'s class is not in the current policy.");
            }
            var pending = change.pendingOverride();
            var signersRoles = pending.map(OverrideRequest::roles).orElse(Set.of());
            var together = new LinkedHashSet<>(signersRoles);
            together.addAll(roles);
            var check = StartCheck.of(policy, changeClass.get(), state, now, together);
            if (check.allowed()) {
                changes.update(change, change.start(userId, now));
                announcer.changed(change);
                return new Outcome.Started(change);
            }
            boolean alreadySigned = pending.map(p -> p.signedBy(userId)).orElse(false);
            if (!check.unoverridable().isEmpty() || alreadySigned
                    || !StartCheck.contributes(policy, changeClass.get(), check.blockingRules(), signersRoles, roles)) {
                var waiting = pending.isPresent() ? " An override is signed by "
                        + pending.get().signers().size() + " so far. " : " ";
                return new Outcome.Refused(check.summary() + waiting + check.whatIsMissing());
            }
            var why = pending.map(OverrideRequest::justification).or(() -> justification.filter(t -> !t.isBlank()));
            if (why.isEmpty()) {
                return new Outcome.Blocked(check);
            }
            if (check.overrideComplete()) {
                changes.update(change, change.startByOverride(userId, now, why.get(), check.blockingRules()));
                announcer.changed(change);
                return new Outcome.Started(change);
            }
            var contributed = new LinkedHashSet<>(roles);
            contributed.removeAll(signersRoles);
            changes.update(change, change.signOverride(userId, contributed, now, why.get(), check.blockingRules()));
            announcer.changed(change);
            return new Outcome.AwaitingSigners(change, check.whatIsMissing());
        });
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

        /** The calendar says no and this person may sign an override: a justification is needed. */
        record Blocked(StartCheck check) implements Outcome {
        }

        /** Signed; the override still needs other people's roles ({@code missing} says which). */
        record AwaitingSigners(Change change, String missing) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }
}
