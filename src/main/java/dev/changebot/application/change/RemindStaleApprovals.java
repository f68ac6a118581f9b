package dev.changebot.application.change;

import dev.changebot.application.port.Notices;
import dev.changebot.application.port.NudgeLog;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.notice.WhoIsTold;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stale approvals, per the policy's reminders: the open step's approvers are reminded after
 * {@code remind_after}; after {@code escalate_after} the escalation role or channel hears of it.
 * Each step has its own clock, from the moment it opened, so both stop as soon as the step moves.
 * One change failing does not stop the others.
 */
@Singleton
public class RemindStaleApprovals {

    private static final Logger LOG = LoggerFactory.getLogger(RemindStaleApprovals.class);

    /** Changes read at a time by the sweep. */
    public static final int PAGE = 200;

    private final Changes changes;
    private final Transactions transactions;
    private final NudgeLog log;
    private final Notices notices;
    private final ChangeViews views;
    private final RoleDirectory directory;
    private final Policy policy;
    private final Clock clock;

    public RemindStaleApprovals(Changes changes, Transactions transactions, NudgeLog log, Notices notices,
                                ChangeViews views, RoleDirectory directory, Policy policy, Clock clock) {
        this.changes = changes;
        this.transactions = transactions;
        this.log = log;
        this.notices = notices;
        this.views = views;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * One pass over the changes waiting for approval that could owe a nudge, a page at a time: a
     * backlog of thousands is never held at once (it was, every minute, and pushed the old generation
     * into a full collection each time: docs/performance/ack-path-sessions.md, "Sixth session"), and a change requested
     * less than the earliest nudge's delay ago is not read (its steps opened no earlier than its request).
     * Returns how many nudges went out.
     */
    public int run() {
        var now = clock.instant();
        var requestedBy = now.minus(policy.reminders().earliestNudge());
        int sent = 0;
        String afterWorkspace = "";
        long afterNumber = 0;
        List<Change> page;
        do {
            String workspace = afterWorkspace;
            long number = afterNumber;
            page = transactions.inTransaction(() -> changes.findAwaitingApproval(workspace, number, requestedBy, PAGE));
            for (var change : page) {
                try {
                    sent += nudge(change, now);
                } catch (RuntimeException e) {
                    LOG.warn("Could not nudge the approvers of {}", change.id(), e);
                }
            }
            if (!page.isEmpty()) {
                var last = page.get(page.size() - 1);
                afterWorkspace = last.workspaceId();
                afterNumber = last.id().number();
            }
        } while (page.size() == PAGE);
        return sent;
    }

    private int nudge(Change change, Instant now) {
        var view = views.of(change);
        var open = view.ladder().current();
        if (open.isEmpty()) {
            return 0;
        }
        var step = open.get();
        var openedAt = openedAt(change, view.ladder(), step.number());
        var reminders = policy.reminders();
        int sent = 0;
        if (!now.isBefore(openedAt.plus(reminders.remindAfter()))) {
            var reminderNotices = WhoIsTold.approvalReminder(change, step, membersOf(change, step.step().roles()));
            sent += once(change, step.number(), NudgeLog.Kind.REMINDER, now,
                    () -> reminderNotices.forEach(notices::send));
        }
        if (!reminders.escalateAfter().isZero() && !now.isBefore(openedAt.plus(reminders.escalateAfter()))) {
            var escalationNotices = WhoIsTold.approvalEscalation(change, step, reminders,
                    membersOf(change, reminders.escalateTo().stream().toList()));
            sent += once(change, step.number(), NudgeLog.Kind.ESCALATION, now,
                    () -> escalationNotices.forEach(notices::send));
        }
        return sent;
    }

    /** Who holds each role, asked outside any transaction: the directory may have to ask Slack. */
    private Map<String, Set<String>> membersOf(Change change, Collection<String> roles) {
        var members = new HashMap<String, Set<String>>();
        roles.forEach(role -> members.put(role, directory.membersOf(change.workspaceId(), role)));
        return members;
    }

    /** Sends the nudge unless it went before: the log row and the queued notices commit together. */
    private int once(Change change, int step, NudgeLog.Kind kind, Instant now, Runnable nudge) {
        return transactions.inTransaction(() -> {
            if (!log.markSent(change, step, kind, now)) {
                return 0;
            }
            nudge.run();
            return 1;
        });
    }

    /** Step 1 opens at the request; a later step when the one before it got its last approval. */
    private static Instant openedAt(Change change, ChainProgress ladder, int step) {
        if (step == 1) {
            return change.requestedAt();
        }
        return ladder.steps().get(step - 2).approvals().stream().map(a -> a.approvedAt()).max(Instant::compareTo)
                .orElse(change.requestedAt());
    }
}
