package dev.changebot.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A queue of Slack posts waiting for the outbox worker. Claims are leases: a claimed item is hidden
 * from other workers for {@code lease} and comes back if its worker dies before reporting.
 */
public interface DeliveryQueue<T> {

    List<T> claimDue(Instant now, Duration lease, int limit);

    void delivered(T item, Instant at);

    /** Counts as a failed attempt. */
    void retryAt(T item, Instant next, String error);

    /** Not an attempt: rate limits and pacing. */
    void postpone(T item, Instant next, String why);

    /** Given up: kept with its error for the record. */
    void failed(T item, Instant at, String error);

    /** Forgets items delivered or given up before {@code settledBefore}; returns how many. */
    int prune(Instant settledBefore);
}
