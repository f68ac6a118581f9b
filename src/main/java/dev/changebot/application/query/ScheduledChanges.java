package dev.changebot.application.query;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.schedule.ScheduledChange;
import java.util.Optional;

/** A change as the calendar and the conflict check see it, from the view every place shows. */
public final class ScheduledChanges {

    private ScheduledChanges() {
    }

    public static ScheduledChange of(ChangeView view) {
        var change = view.change();
        var details = change.details();
        Optional<TimeSpan> window = details.proposedStart() == null || details.expectedDuration() == null
                || details.expectedDuration().isZero() || details.expectedDuration().isNegative()
                ? Optional.empty() : Optional.of(new TimeSpan(details.proposedStart(), details.expectedEnd()));
        return new ScheduledChange(change.id(), details.title(), change.changeClass(), view.classLabel(),
                change.requesterId(), change.service(), details.systemsAffected(), details.environment(),
                details.risk() == null ? "" : details.risk().label(), change.state(), window, approvalStatus(view));
    }

    /** "2/3 approved" while approvals are awaited; what the state says once they are in. */
    static String approvalStatus(ChangeView view) {
        var change = view.change();
        if (change.isEmergency()) {
            return "emergency";
        }
        if (change.state() != ChangeState.PENDING_APPROVAL) {
            return change.state() == ChangeState.APPROVED ? "approved" : change.state().label();
        }
        int required = 0;
        int given = 0;
        for (var step : view.ladder().steps()) {
            required += step.step().required();
            given += Math.min(step.approvals().size(), step.step().required());
        }
        return given + "/" + required + " approved";
    }
}
