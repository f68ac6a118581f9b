package dev.changebot.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The queue of pending Slack announcements. Claims are leases: a claimed entry is hidden from
 * other workers for {@code lease}, and comes back if its worker dies before reporting.
 */
public interface Outbox {

    List<OutboxEntry> claimDue(Instant now, Duration lease, int limit);

    /** Done, unless a newer announcement arrived meanwhile; then it stays due at once. */
    void delivered(OutboxEntry entry, Instant at);

    /** Counts as a failed attempt. */
    void retryAt(OutboxEntry entry, Instant next, String error);

    /** Not an attempt: rate limits and pacing. */
    void postpone(OutboxEntry entry, Instant next, String why);

    /** Given up: kept with its error for the record. */
    void failed(OutboxEntry entry, Instant at, String error);
}
