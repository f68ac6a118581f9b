package dev.changebot.application.port;

import dev.changebot.domain.policy.CalendarState;
import java.time.Instant;

/** What is happening now that the calendar depends on: declared freezes (and, later, open incidents). */
public interface CalendarStates {

    CalendarState at(String workspaceId, Instant now);
}
