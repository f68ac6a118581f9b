package dev.changebot.application.delivery;

import dev.changebot.application.port.ChangeSlots;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.application.query.FindConflicts;
import dev.changebot.application.query.ScheduledChanges;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.schedule.Conflict;
import dev.changebot.domain.schedule.Conflicts;
import dev.changebot.domain.schedule.ScheduledChange;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open conflicts the change messages of one delivery batch show. Once per batch and workspace, one
 * read of the changes that could clash with the batch's windows (those planned within the span of them
 * all, and those under way: {@link ChangeSlots}, from the changes' rows alone), and only while there are
 * at most {@link #MAX_OPEN} of them, so a big workspace cannot make the outbox slow (its messages then show
 * no line; `/change conflicts` still answers). Only conflicts with other changes: the freezes and windows
 * are the policy's, said at request time.
 */
@Singleton
public class OpenConflicts {

    /** As many as the form's warning reads within Slack's 3 seconds. */
    public static final int MAX_OPEN = FindConflicts.WITHIN_THE_ACK;

    private final ChangeSlots slots;
    private final ChangeViews views;
    private final Policy policy;

    public OpenConflicts(ChangeSlots slots, ChangeViews views, Policy policy) {
        this.slots = slots;
        this.views = views;
        this.policy = policy;
    }

    /**
     * The conflicts of each of {@code changes} (one workspace's) that holds its slot, inside the caller's
     * transaction; a change without any is left out. Nothing is read when none of them holds a slot.
     */
    public Map<ChangeId, List<Conflict>> of(String workspaceId, List<Change> changes, Instant now) {
        var subjects = changes.stream().map(c -> ScheduledChanges.of(views.of(c)))
                .filter(ScheduledChange::holdsItsSlot).toList();
        if (subjects.isEmpty()) {
            return Map.of();
        }
        // Without any planned window among them, only a rollout under way can clash: the read is of those.
        var from = subjects.stream().flatMap(s -> s.window().stream()).map(TimeSpan::start)
                .min(Comparator.naturalOrder()).orElse(now);
        var until = subjects.stream().flatMap(s -> s.window().stream()).map(TimeSpan::end)
                .max(Comparator.naturalOrder()).orElse(now);
        var others = slots.around(workspaceId, from, until, MAX_OPEN + 1);
        if (others.size() > MAX_OPEN) {
            return Map.of();
        }
        var found = new HashMap<ChangeId, List<Conflict>>();
        for (var subject : subjects) {
            var conflicts = Conflicts.withChanges(subject, others, now, policy::dependent);
            if (!conflicts.isEmpty()) {
                found.put(subject.id(), conflicts);
            }
        }
        return found;
    }
}
