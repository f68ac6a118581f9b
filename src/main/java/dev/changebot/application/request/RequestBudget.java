package dev.changebot.application.request;

import java.time.Duration;
import java.util.Optional;

/**
 * The time a request may still spend on the database, for the thread serving it. Slack wants an
 * answer within 3 s, so a Slack request gets one deadline when it arrives, and everything that
 * waits on the database under it (the wait for a pooled connection, each statement, the one
 * retry of a transaction whose connection died) takes what is left instead of a fixed timeout
 * of its own: two fixed waits in a row were how an outage overran Slack's window.
 *
 * <p>Work outside a request (jobs, the outbox pump, start-up) has no budget and runs under the
 * pool's ordinary timeouts.
 */
public final class RequestBudget implements AutoCloseable {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    /** Whether this handle set the deadline (and so clears it): a nested start keeps the outer one. */
    private final boolean owner;

    private RequestBudget(boolean owner) {
        this.owner = owner;
    }

    /**
     * Starts a budget of {@code length} for this thread, unless one is already running (a request
     * keeps the deadline it arrived with). Close it when the request is answered.
     */
    public static RequestBudget start(Duration length) {
        if (DEADLINE.get() != null) {
            return new RequestBudget(false);
        }
        DEADLINE.set(System.nanoTime() + length.toNanos());
        return new RequestBudget(true);
    }

    /** What is left of this thread's budget (zero or negative once spent); empty when there is none. */
    public static Optional<Duration> remaining() {
        var deadline = DEADLINE.get();
        return deadline == null ? Optional.empty() : Optional.of(Duration.ofNanos(deadline - System.nanoTime()));
    }

    /** True when this thread has a budget and nothing of it is left. */
    public static boolean spent() {
        return remaining().map(left -> left.isNegative() || left.isZero()).orElse(false);
    }

    @Override
    public void close() {
        if (owner) {
            DEADLINE.remove();
        }
    }
}
