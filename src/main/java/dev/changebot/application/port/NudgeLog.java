package dev.changebot.application.port;

import dev.changebot.domain.change.Change;
import java.time.Instant;

/** Remembers which nudge went out for which step; runs inside the caller's transaction. */
public interface NudgeLog {

    enum Kind { REMINDER, ESCALATION }

    /** True the first time for (change, step, kind): only then is the nudge sent. */
    boolean markSent(Change change, int step, Kind kind, Instant at);
}
