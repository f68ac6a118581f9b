package dev.changebot.application.port;

import dev.changebot.domain.policy.CalendarState;
import java.time.Instant;

/** What is happening now that the calendar depends on: declared freezes and incidents. */
public interface CalendarStates {

    CalendarState at(String workspaceId, Instant now);

    /**
     * The calendar as one change sees it: the incidents it remediates (linked to them) do not freeze
     * it ({@link CalendarState#remediating}). A calendar that records no links has none to lift.
     */
    default CalendarState forChange(CalendarState state, String workspaceId, long changeNumber) {
        return state;
    }
}
