package dev.changebot.application.delivery;

import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.application.query.ScheduledChanges;
import dev.changebot.application.query.ShowCalendar;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.schedule.Conflict;
import dev.changebot.domain.schedule.Conflicts;
import dev.changebot.domain.schedule.ScheduledChange;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open conflicts the change messages of one delivery batch show: the workspace's open changes are
 * read once per batch, and only while there are at most {@link #MAX_OPEN} of them, so a big workspace
 * cannot make the outbox slow (its messages then show no line; `/change conflicts` still answers).
 * Only conflicts with other changes: the freezes and windows are the policy's, said at request time.
 */
@Singleton
public class OpenConflicts {

    /** As many as the form's warning reads within Slack's 3 seconds ({@code FindConflicts.WITHIN_THE_ACK}). */
    public static final int MAX_OPEN = 2_000;

    private final OpenChanges open;
    private final ShowCalendar calendar;
    private final ChangeViews views;

    public OpenConflicts(OpenChanges open, ShowCalendar calendar, ChangeViews views) {
        this.open = open;
        this.calendar = calendar;
        this.views = views;
    }

    /**
     * The conflicts of each of {@code changes} (one workspace's) that holds its slot, inside the caller's
     * transaction; a change without any is left out. Nothing is read when none of them holds a slot.
     */
    public Map<ChangeId, List<Conflict>> of(String workspaceId, List<Change> changes, Instant now) {
        var subjects = changes.stream().map(c -> ScheduledChanges.of(views.of(c)))
                .filter(ScheduledChange::holdsItsSlot).toList();
        if (subjects.isEmpty() || open.countUpTo(workspaceId, MAX_OPEN + 1) > MAX_OPEN) {
            return Map.of();
        }
        var others = calendar.open(workspaceId).stream().map(c -> ScheduledChanges.of(views.of(c)))
                .filter(ScheduledChange::holdsItsSlot).toList();
        var found = new HashMap<ChangeId, List<Conflict>>();
        for (var subject : subjects) {
            var conflicts = Conflicts.withChanges(subject, others, now);
            if (!conflicts.isEmpty()) {
                found.put(subject.id(), conflicts);
            }
        }
        return found;
    }
}
