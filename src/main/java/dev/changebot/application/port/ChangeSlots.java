package dev.changebot.application.port;

import dev.changebot.domain.schedule.ScheduledChange;
import java.time.Instant;
import java.util.List;

/**
 * The changes holding a slot on the calendar that could clash with a window: read from the changes'
 * own rows (no events, no approvals), so what it costs follows the changes around that time, not the
 * whole workspace. {@code classLabel} and {@code approvalStatus} are left empty: a conflict needs neither.
 */
public interface ChangeSlots {

    /**
     * The pending, approved and under-way changes whose planned window overlaps [{@code from}, {@code until}),
     * and every change under way whatever its window (a rollout is in the way until it ends), in number
     * order, at most {@code limit}: when there are more, which of them is not said (a caller asks for one more
     * than it can use, to know there are too many).
     */
    List<ScheduledChange> around(String workspaceId, Instant from, Instant until, int limit);
}
