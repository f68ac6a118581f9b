package dev.changebot.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The worker's side of the notices: claims are leases, as for change messages ({@link Outbox}). */
public interface NoticeOutbox {

    List<Queued> claimDue(Instant now, Duration lease, int limit);

    void delivered(Queued notice, Instant at);

    /** Counts as a failed attempt. */
    void retryAt(Queued notice, Instant next, String error);

    /** Not an attempt: rate limits and pacing. */
    void postpone(Queued notice, Instant next, String why);

    /** Given up: kept with its error for the record. */
    void failed(Queued notice, Instant at, String error);

    record Queued(long id, Notice notice, int attempts) {
    }
}
