package dev.changebot.application.port;

import dev.changebot.domain.change.Change;

/**
 * Keeps the team's view of a change current: one message per change, posted where it was
 * requested and updated in place. Called inside the transaction that changed the change, so the
 * announcement is stored with it and delivered later, even across a crash.
 */
public interface ChangeAnnouncer {

    /** The change's message must show its current state (posted the first time, updated after). */
    void changed(Change change);
}
