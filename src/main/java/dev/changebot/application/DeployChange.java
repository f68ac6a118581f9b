package dev.changebot.application;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * "Deployed to staging" starts the policy's soak for that environment, on a durable timer;
 * "rolled back", "failed" and "done" end the work, aborting a soak in progress.
 */
@Singleton
public class DeployChange {

    static final String SOAK = "SOAK_END";

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeAnnouncer announcer;
    private final TimerStore timers;
    private final TimerAlarms alarms;
    private final Policy policy;
    private final Clock clock;

    public DeployChange(Changes changes, Transactions transactions, ChangeAnnouncer announcer, TimerStore timers,
                        TimerAlarms alarms, Policy policy, Clock clock) {
        this.changes = changes;
        this.transactions = transactions;
        this.announcer = announcer;
        this.timers = timers;
        this.alarms = alarms;
        this.policy = policy;
        this.clock = clock;
    }

    /** The answer for the person: what happens now, or why not. */
    public String deployed(String workspaceId, ChangeId id, String userId, String environmentAsTyped,
                           java.util.OptionalInt percent) {
        var now = clock.instant();
        // "Staging" and "staging" are one stage.
        var environment = environmentAsTyped.strip().toLowerCase(java.util.Locale.ROOT);
        var environments = policy.environments();
        if (!environments.contains(environment)) {
            // Not echoed: what was typed could carry live Slack syntax, and the list says enough.
            return "That is not an environment of this policy: " + id + " can be reported deployed to "
                    + String.join(", ", environments) + ".";
        }
        return transactions.inTransaction(() -> {
            var found = changes.findForUpdate(workspaceId, id);
            var change = found.orElseThrow(() -> new NoSuchChangeException(id));
            if (change.soak().isPresent()) {
                var soak = change.soak().get();
                return id + " is soaking in " + soak.environment() + " until " + soak.until()
                        + "; deploy further after that.";
            }
            var plan = policy.changeClass(change.changeClass()).map(DeploymentPlan::of)
                    .orElse(new DeploymentPlan(List.of(), Optional.empty(), Optional.empty()));
            var label = environment;
            var step = java.util.OptionalInt.empty();
            if (plan.rollsOut(environment)) {
                var next = plan.nextRolloutStep(change.rolloutPercent());
                if (next.isEmpty()) {
                    return id + " is already rolled out to 100%.";
                }
                if (percent.isEmpty() || percent.getAsInt() != next.getAsInt()) {
                    return "The next step of " + id + "'s rollout is " + next.getAsInt() + "% (steps: "
                            + plan.rollout().get().percentages() + "): `/change deployed " + id + " production "
                            + next.getAsInt() + "`.";
                }
                label = environment + " " + percent.getAsInt() + "%";
                step = percent;
            }
            // A refusal of the lifecycle (not started yet, a stage skipped) leaves as ChangeRefusedException.
            var event = change.deployed(userId, label, step, plan.waitAfter(environment, step),
                    plan.mustPassBefore(environment), now);
            changes.update(change, event);
            announcer.changed(change);
            if (event.soakUntil() == null) {
                return id + " is deployed to " + environment + ".";
            }
            long timer = timers.add(change, SOAK, event.environment(), event.soakUntil());
            // Rung once the outermost transaction has committed; if this process dies first, the
            // start-up sweep re-arms it.
            transactions.afterCommit(() -> alarms.ring(timer, event.soakUntil()));
            return id + " is soaking in " + event.environment() + " until " + event.soakUntil() + ".";
        });
    }

    public String finished(String workspaceId, ChangeId id, String userId, ChangeState outcome) {
        var now = clock.instant();
        return transactions.inTransaction(() -> {
            var change = changes.findForUpdate(workspaceId, id).orElseThrow(() -> new NoSuchChangeException(id));
            // Not under way (or already ended): the lifecycle refuses, as ChangeRefusedException.
            changes.update(change, change.finish(userId, outcome, now));
            timers.cancelAll(change, SOAK);
            announcer.changed(change);
            return id + " is " + outcome.label() + ".";
        });
    }
}
