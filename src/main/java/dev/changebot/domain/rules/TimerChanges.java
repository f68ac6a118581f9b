package dev.changebot.domain.rules;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.change.TimerKind;
import dev.changebot.domain.policy.Reminders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The timers that follow from a recorded event: a soak's end, an emergency's follow-up reminders and deadlines. */
public final class TimerChanges {

    private TimerChanges() {
    }

    /** What {@code event} sets or calls off, for {@code change} as it is after the event. */
    public static List<TimerChange> after(Change change, ChangeEvent event, Reminders reminders) {
        var changes = new ArrayList<TimerChange>();
        if (event instanceof ChangeEvent.ChangeDeployed deployed && deployed.soakUntil() != null) {
            changes.add(new TimerChange.Arm(TimerKind.SOAK_END, deployed.label(), deployed.soakUntil()));
        } else if (event instanceof ChangeEvent.ChangeFinished) {
            changes.add(new TimerChange.Cancel(TimerKind.SOAK_END, Optional.empty()));
        } else if (event instanceof ChangeEvent.ObligationSatisfied satisfied) {
            changes.add(new TimerChange.Cancel(TimerKind.FOLLOW_UP_REMINDER, Optional.of(satisfied.obligation())));
            changes.add(new TimerChange.Cancel(TimerKind.FOLLOW_UP_DUE, Optional.of(satisfied.obligation())));
        } else if (event instanceof ChangeEvent.EmergencyDeclared declared) {
            change.obligations().forEach(o -> arm(o, declared.occurredAt(), reminders, changes));
        } else if (event instanceof ChangeEvent.FollowUpsOwed owed) {
            owed.owed().forEach(o -> arm(o, owed.occurredAt(), reminders, changes));
        }
        return changes;
    }

    /** A follow-up's deadline, and its reminder when that still lies ahead. */
    private static void arm(Obligation o, java.time.Instant owedAt, Reminders reminders, List<TimerChange> changes) {
        var remindAt = o.dueAt().minus(reminders.followUpReminderBefore());
        if (remindAt.isAfter(owedAt)) {
            changes.add(new TimerChange.Arm(TimerKind.FOLLOW_UP_REMINDER, o.name(), remindAt));
        }
        changes.add(new TimerChange.Arm(TimerKind.FOLLOW_UP_DUE, o.name(), o.dueAt()));
    }
}
