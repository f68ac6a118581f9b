package dev.changebot.application.gate;

import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.GateCheckWatchers;
import dev.changebot.application.port.GateChecks;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.gate.GateDecision;
import dev.changebot.domain.gate.GateReason;
import dev.changebot.domain.gate.GateState;
import dev.changebot.domain.gate.GateVerdict;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every pending check again: after something was recorded (an approval, a deployment, a
 * freeze) and as time passes (a soak or a freeze ending, a window opening, a deadline). Each check
 * in its own transaction, so one that fails does not keep the others waiting.
 */
@Singleton
public class SettleGateChecks {

    private static final Logger LOG = LoggerFactory.getLogger(SettleGateChecks.class);
    /** Pending checks are few (one per pipeline waiting); a pass looks at this many at most. */
    static final int BATCH = 500;

    private final GateChecks checks;
    private final Changes changes;
    private final Transactions transactions;
    private final CalendarStates calendar;
    private final GateDecision decision;
    private final GateFacts facts;
    private final GateWaiters waiters;
    private final Policy policy;
    private final List<GateCheckWatchers> watchers;
    private final Clock clock;

    public SettleGateChecks(GateChecks checks, Changes changes, Transactions transactions, CalendarStates calendar,
                            GateDecision decision, GateFacts facts, GateWaiters waiters, Policy policy,
                            List<GateCheckWatchers> watchers, Clock clock) {
        this.waiters = waiters;
        this.checks = checks;
        this.changes = changes;
        this.transactions = transactions;
        this.calendar = calendar;
        this.decision = decision;
        this.facts = facts;
        this.policy = policy;
        this.watchers = List.copyOf(watchers);
        this.clock = clock;
    }

    /** One pass; how many checks settled. */
    public int settlePending() {
        var pending = transactions.inTransaction(() -> checks.pending(BATCH));
        int settled = 0;
        for (var check : pending) {
            try {
                if (transactions.inTransaction(() -> decideAgain(check))) {
                    settled++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not decide gate check {} again: {}", check.publicId(), e.getMessage());
            }
        }
        tellWaitersOfOtherNodes();
        return settled;
    }

    /** A check another node settled was never pending here to settle: whoever waits on it here is told now. */
    private void tellWaitersOfOtherNodes() {
        var awaited = waiters.awaited();
        if (!awaited.isEmpty()) {
            transactions.inTransaction(() -> checks.settledAmong(awaited)).forEach(waiters::settled);
        }
    }

    private boolean decideAgain(dev.changebot.domain.gate.GateCheck check) {
        var now = clock.instant();
        var change = changes.find(check.workspaceId(), check.change());
        GateVerdict verdict = change.map(c -> decision.decide(c, policy, calendar.at(check.workspaceId(), now),
                        check.service(), check.environment(), check.deadline(), now))
                .orElse(new GateVerdict(GateState.INVALID, List.of(GateReason.of("not_found",
                        check.change() + " is no longer in the record.")), java.util.Optional.empty()));
        if (verdict.sameAs(check.verdict())) {
            return false;
        }
        if (!checks.decide(check.id(), verdict, now)) {
            return false;
        }
        var decided = check.withVerdict(verdict, verdict.state().settled() ? java.util.Optional.of(now) : java.util.Optional.empty());
        watchers.forEach(watcher -> watcher.changed(decided, now));
        if (verdict.state().settled()) {
            facts.settled(decided, "changebot", now);
            return true;
        }
        return false;
    }
}
