package dev.changebot.application;

import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * Emergency changes: declared in-channel by an incident commander with unilateral authority,
 * resolved when the fix is in, and followed by the obligations the policy sets, each on durable
 * timers (a reminder before its deadline, the deadline itself).
 */
@Singleton
public class EmergencyChanges {

    static final String FOLLOW_UP_REMINDER = "FOLLOW_UP_REMINDER";
    static final String FOLLOW_UP_DUE = "FOLLOW_UP_DUE";

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeAnnouncer announcer;
    private final TimerStore timers;
    private final TimerAlarms alarms;
    private final RoleDirectory directory;
    private final Policy policy;
    private final Clock clock;

    public EmergencyChanges(Changes changes, Transactions transactions, ChangeAnnouncer announcer, TimerStore timers,
                            TimerAlarms alarms, RoleDirectory directory, Policy policy, Clock clock) {
        this.changes = changes;
        this.transactions = transactions;
        this.announcer = announcer;
        this.timers = timers;
        this.alarms = alarms;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /** Declares an emergency; the answer is for the declarer (a refusal), empty when declared. */
    public Result declare(String workspaceId, String declarerId, String channelId, String summary,
                          Optional<String> incidentCommander, Optional<String> severity) {
        var emergency = policy.emergencyClass();
        if (emergency.isEmpty()) {
            return new Result.Refused("This policy has no emergency class (emergency: true).");
        }
        var changeClass = emergency.get();
        var roles = directory.rolesOf(workspaceId, declarerId);
        if (!changeClass.declarers().isEmpty() && Collections.disjoint(changeClass.declarers(), roles)) {
            return new Result.Refused("Only " + String.join(" or ", new java.util.TreeSet<>(changeClass.declarers()))
                    + " may declare an emergency change.");
        }
        var now = clock.instant();
        var obligations = changeClass.followUps().stream().filter(f -> f.owedAt(severity)).map(f -> Obligation.owed(f.name(), f.label(),
                f.within().earliestStart(now, policy.businessCalendar()), f.roles(), f.notDeclarer(), f.asks())).toList();
        var details = new ChangeDetails(summary, summary, null, null, "production", null, null, null, null, now, null);
        Change change = transactions.inTransaction(() -> {
            var declared = Change.declare(changes.nextId(workspaceId), workspaceId, declarerId,
                    incidentCommander.orElse(declarerId), severity, channelId, changeClass.name(), details, obligations,
                    !changeClass.steps().isEmpty(), now);
            changes.add(declared.change(), declared.event());
            announcer.changed(declared.change());
            for (var o : obligations) {
                var remindAt = o.dueAt().minus(policy.reminders().followUpReminderBefore());
                if (remindAt.isAfter(now)) {
                    ringAfterCommit(timers.add(declared.change(), FOLLOW_UP_REMINDER, o.name(), remindAt), remindAt);
                }
                ringAfterCommit(timers.add(declared.change(), FOLLOW_UP_DUE, o.name(), o.dueAt()), o.dueAt());
            }
            return declared.change();
        });
        return new Result.Declared(change);
    }

    /**
     * A transaction may run twice (a dead connection), and may be part of a larger one (a request
     * answered once): only the committed attempt's timers ring, once it has committed.
     */
    private void ringAfterCommit(long timer, Instant at) {
        transactions.afterCommit(() -> alarms.ring(timer, at));
    }

    public ActionOutcome resolve(String workspaceId, ChangeId id, String userId) {
        return transactions.inTransaction(() -> {
            var found = changes.findForUpdate(workspaceId, id);
            if (found.isEmpty()) {
                return new ActionOutcome.NotFound(id);
            }
            var change = found.get();
            if (!change.isEmergency()) {
                return new ActionOutcome.Refused(id + " is not an emergency change; only emergencies are resolved.");
            }
            if (!userId.equals(change.requesterId()) && !change.incidentCommander().orElse("").equals(userId)) {
                return new ActionOutcome.Refused("Only the incident commander of " + id + " resolves it.");
            }
            if (!change.lifecycle().allows(change.state(), dev.changebot.domain.change.ChangeState.RESOLVED)) {
                return new ActionOutcome.Refused(id + " is " + change.state().label() + ".");
            }
            changes.update(change, change.resolve(userId, clock.instant()));
            announcer.changed(change);
            return new ActionOutcome.Done(change);
        });
    }

    /** Meets one follow-up obligation with the answers its form asked for. */
    public ActionOutcome satisfy(String workspaceId, ChangeId id, String userId, String obligation,
                                 Map<String, String> answers) {
        var roles = directory.rolesOf(workspaceId, userId);
        return transactions.inTransaction(() -> {
            var found = changes.findForUpdate(workspaceId, id);
            if (found.isEmpty()) {
                return new ActionOutcome.NotFound(id);
            }
            var change = found.get();
            if (change.mayAnswer(obligation, userId, roles) instanceof Decision.Refused refused) {
                return new ActionOutcome.Refused(refused.reason());
            }
            changes.update(change, change.satisfy(obligation, userId, roles, answers, clock.instant()));
            timers.cancelAll(change, FOLLOW_UP_REMINDER, obligation);
            timers.cancelAll(change, FOLLOW_UP_DUE, obligation);
            announcer.changed(change);
            return new ActionOutcome.Done(change);
        });
    }

    /** What became of a declaration. */
    public sealed interface Result {

        record Declared(Change change) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }
}
