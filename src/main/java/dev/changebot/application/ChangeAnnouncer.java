package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.MessageRef;
import java.util.Optional;

/**
 * Keeps the team's view of a change current: one message per change, updated in place.
 * Implementations report failure as an empty result rather than an exception, because the
 * change itself is already stored when they run.
 */
public interface ChangeAnnouncer {

    /** Posts the change where it was requested; empty when the post failed. */
    Optional<MessageRef> announce(Change change);

    /** Re-renders the change's message to match its state. */
    void refresh(Change change);
}
