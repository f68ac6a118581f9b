package dev.changebot.domain.schedule;

import dev.changebot.domain.change.ChangeState;

/** A change's STATUS in the iCal feed (RFC 5545 §3.8.1.11, for a VEVENT). */
public enum FeedStatus {
    /** Awaiting approval: it may not happen. */
    TENTATIVE,
    /** Approved, under way or done: it happens (or happened). */
    CONFIRMED,
    /** Withdrawn or refused: calendar apps take it off. */
    CANCELLED;

    public static FeedStatus of(ChangeState state) {
        return switch (state) {
            case DRAFT, PENDING_APPROVAL -> TENTATIVE;
            case CANCELLED, REJECTED -> CANCELLED;
            default -> CONFIRMED;
        };
    }

    /** What the feed last showed of a change: when it raises the SEQUENCE. */
    public static String fingerprint(ScheduledChange change) {
        return change.window().map(w -> w.start().getEpochSecond() + "-" + w.end().getEpochSecond()).orElse("none")
                + ":" + of(change.state());
    }
}
