package dev.changebot.bench;

/**
 * One request as the load generator saw it: when it was sent and answered (System.nanoTime()), the
 * HTTP status, or {@link #NO_ANSWER} for a timeout or a broken connection, and whether the answer
 * asked the person to try again (Changebot's words when its database did not answer in time).
 */
record Sample(RequestKind kind, int change, long sentNanos, long answeredNanos, int status, boolean tryAgain) {

    static final int NO_ANSWER = -1;

    double latencyMillis() {
        return (answeredNanos - sentNanos) / 1e6;
    }

    boolean ok() {
        return status == 200;
    }
}
