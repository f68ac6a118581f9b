package dev.changebot.application.gate;

import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.GateCheckWatchers;
import dev.changebot.application.port.GateChecks;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.gate.GateCheck;
import dev.changebot.domain.gate.GateDecision;
import dev.changebot.domain.gate.GateReason;
import dev.changebot.domain.gate.GateState;
import dev.changebot.domain.gate.GateVerdict;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
    /** Pending checks added on this node and committed: a pass tells whether one came while it ran. */
    private final AtomicLong added = new AtomicLong();
    /** The last pass found no check pending nor awaited here, and none was added on this node since. */
    private volatile boolean nothingPending;

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

    /**
     * One pass; how many checks settled. The calendar (declared freezes, open incidents) is read once
     * per workspace for the pass, not once per check: with hundreds of checks pending, reading it for
     * each made a pass take about a second on a busy database (the open-incident query reads the open
     * changes), so an approval landing mid-pass waited for the next one, and the passes took PostgreSQL
     * time from Slack's acks. The pending checks are one read, outside any transaction: the settler looks
     * after every commit that recorded a fact (up to ten times a second), and most looks find nothing;
     * a transaction around the read added a BEGIN and a COMMIT to each.
     */
    public int settlePending() {
        long addedBefore = added.get();
        var pending = checks.pending(BATCH);
        var calendars = new HashMap<String, CalendarState>();
        int settled = 0;
        for (var check : pending) {
            try {
                if (transactions.inTransaction(() -> decideAgain(check, calendars))) {
                    settled++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not decide gate check {} again: {}", check.publicId(), e.getMessage());
            }
        }
        boolean noneAwaited = tellWaitersOfOtherNodes();
        nothingPending = pending.isEmpty() && noneAwaited && added.get() == addedBefore;
        return settled;
    }

    /** A pending check was added on this node and committed: the next pass has something to decide. */
    public void checkAdded() {
        added.incrementAndGet();
        nothingPending = false;
    }

    /**
     * False when the last pass found nothing to decide and no check was added on this node since: a fact
     * recorded now can settle nothing here (a check another node added since is found by the next poll).
     */
    public boolean mayHavePending() {
        return !nothingPending;
    }

    /**
     * A check another node settled was never pending here to settle: whoever waits on it here is told now.
     * True when nobody here waits on any.
     */
    private boolean tellWaitersOfOtherNodes() {
        var awaited = waiters.awaited();
        if (!awaited.isEmpty()) {
            transactions.inTransaction(() -> checks.settledAmong(awaited)).forEach(waiters::settled);
        }
        return awaited.isEmpty();
    }

    private boolean decideAgain(GateCheck check, Map<String, CalendarState> calendars) {
        var now = clock.instant();
        var change = changes.find(check.workspaceId(), check.change());
        var ofThePass = calendars.computeIfAbsent(check.workspaceId(), workspace -> calendar.at(workspace, now));
        if (verdictOf(check, change, calendar.forChange(ofThePass, check.workspaceId(), check.change().number()), now)
                .sameAs(check.verdict())) {
            // Nothing to record. A freeze declared or lifted since the pass read the calendar woke this
            // node's settler when it committed (another node's: the next poll): the next pass decides on it.
            return false;
        }
        // About to record a new verdict: decided on the calendar as it is now, in this transaction, so
        // what is recorded never rests on a read older than the check's own.
        var verdict = verdictOf(check, change, calendar.forChange(calendar.at(check.workspaceId(), now),
                check.workspaceId(), check.change().number()), now);
        if (verdict.sameAs(check.verdict())) {
            return false;
        }
        if (!checks.decide(check.id(), verdict, now)) {
            return false;
        }
        var decided = check.withVerdict(verdict, verdict.state().settled() ? Optional.of(now) : Optional.empty());
        watchers.forEach(watcher -> watcher.changed(decided, now));
        if (verdict.state().settled()) {
            facts.settled(decided, "changebot", now);
            return true;
        }
        return false;
    }

    private GateVerdict verdictOf(GateCheck check, Optional<Change> change, CalendarState calendarState, Instant now) {
        return change.map(c -> decision.decide(c, policy, calendarState, check.service(), check.environment(),
                        check.deadline(), now))
                .orElse(new GateVerdict(GateState.INVALID, List.of(GateReason.of("not_found",
                        check.change() + " is no longer in the record.")), Optional.empty()));
    }
}
