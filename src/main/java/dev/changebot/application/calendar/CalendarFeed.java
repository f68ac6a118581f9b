package dev.changebot.application.calendar;

import dev.changebot.domain.calendar.Schedule;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.schedule.FeedStatus;
import dev.changebot.domain.schedule.ScheduledChange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What one subscriber's iCal feed holds, before it is written as RFC 5545: the changes with a planned
 * window (with their SEQUENCE and STATUS), the policy's freezes and windows as schedules (written as a
 * recurrence where the schedule is one), and the declared and incident freezes in force or coming.
 *
 * @param workspaceId what UIDs end with: {@code CHG-42@T0123}
 * @param zone        the policy's zone, the one recurring rules are written in
 * @param from        expansion of schedules that are no RRULE starts here (and runs {@link #AHEAD})
 */
public record CalendarFeed(String workspaceId, ZoneId zone, Instant from, List<Change> changes, List<Rule> rules,
                           List<Span> spans) {

    /** How far ahead schedules that are not simple weekly recurrences are expanded into single events. */
    public static final java.time.Duration AHEAD = java.time.Duration.ofDays(180);

    public CalendarFeed {
        changes = List.copyOf(changes);
        rules = List.copyOf(rules);
        spans = List.copyOf(spans);
    }

    /** A change: {@code stamp} is when it was requested (a DTSTAMP that does not move, so an unchanged feed is unchanged). */
    public record Change(ScheduledChange change, int sequence, FeedStatus status, Optional<String> permalink,
                         Instant stamp) {
    }

    /** A freeze or window of the policy: {@code key} is its name, for a stable UID. */
    public record Rule(String key, String label, Kind kind, Schedule schedule) {
    }

    /** A declared freeze or an open incident's: {@code untilLifted} when it has no end yet. */
    public record Span(String key, String label, Kind kind, TimeSpan span, boolean untilLifted, String description) {
    }

    public enum Kind {
        FREEZE, WINDOW
    }
}
