package dev.changebot.application.port;

import java.time.Instant;
import java.util.List;

/**
 * Slack's pace for updating messages in place (chat.update, Tier 3: about 50 a minute per
 * workspace, with some bursting allowed), across every node. Unlike {@link ChannelPacing}, a
 * caller that finds no free slot now is given a slot of its own later, so a burst of updates
 * queues in order instead of every update asking again at every free slot.
 */
public interface UpdatePacing {

    /**
     * Takes the workspace's next {@code count} slots, in order: each at {@code now} when its update
     * may go now, else the moment reserved for it. Runs in the caller's transaction; keep it short.
     */
    List<Instant> reserve(String workspaceId, Instant now, int count);

    /** Slack answered 429: no slot is handed out before {@code until}. */
    void rateLimited(String workspaceId, Instant until);
}
