package dev.changebot.application.port;

import dev.changebot.domain.change.ChangeId;

/**
 * The change messages still to be posted (their first post queued and not yet sent or given up): a notice
 * meant for a change's thread waits for its message rather than land in the channel on its own, and a
 * notice that can wait lets a channel's change messages go first. Read in the caller's transaction.
 */
public interface ChangeMessagesToPost {

    /** Whether the message of {@code change}, which has none yet, is queued to be posted. */
    boolean queuedFor(String workspaceId, ChangeId change);

    /** Whether any change message is queued to be posted in {@code channel}. */
    boolean queuedIn(String workspaceId, String channel);
}
