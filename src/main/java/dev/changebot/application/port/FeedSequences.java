package dev.changebot.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The SEQUENCE of each change in the iCal feed, raised whenever what the feed shows of it (its
 * fingerprint: planned window and status) differs from the last time.
 */
public interface FeedSequences {

    /** Records the fingerprints (by change number), raising the sequence of those that differ; every sequence after. */
    Map<Long, Integer> settle(String workspaceId, Map<Long, String> fingerprints, Instant at);

    /** The changes the feed showed since {@code since}. */
    Set<Long> shownSince(String workspaceId, Instant since);
}
