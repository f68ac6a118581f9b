package dev.changebot.scheduling;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A thread of its own that runs a pass at start-up, then each time it is woken (after a commit on
 * this node) and at least every {@code poll} (for what time brings and what other nodes did). A
 * wake-up during a pass makes one more pass, so nothing committed waits for the poll. A poll of 0
 * means only when woken. Passes start at least {@code minGap} apart: under a burst of commits one
 * pass takes what many wake-ups asked for, instead of a transaction (and a durable commit, which the
 * acks' own commits would queue behind) per wake-up. The pass handles its own failures: the next
 * wake-up or poll tries again. The poll may also be asked for after each pass (the outbox's depends on
 * what the pass found).
 */
final class PassLoop {

    private final String name;
    /** The poll after the pass just run, in milliseconds (0: only when woken). */
    private final LongSupplier pollMillis;
    private final long minGapNanos;
    private final Runnable pass;
    private final Object monitor = new Object();
    private boolean woken;
    /** A pass is under way or about to start: what {@link #awaitIdle} waits out. Guarded by {@code monitor}. */
    private boolean running;
    private volatile boolean stopping;
    private Thread thread;

    PassLoop(String name, Duration poll, Duration minGap, Runnable pass) {
        this(name, poll::toMillis, minGap, pass);
    }

    /** {@code pollMillis}: asked after each pass how long until the next one, unless woken (0: only then). */
    PassLoop(String name, LongSupplier pollMillis, Duration minGap, Runnable pass) {
        this.name = name;
        this.pollMillis = pollMillis;
        this.minGapNanos = minGap.toNanos();
        this.pass = pass;
    }

    void start() {
        synchronized (monitor) {
            running = true;
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void wake() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    private void run() {
        while (!stopping) {
            long started = System.nanoTime();
            try {
                pass.run();
            } finally {
                synchronized (monitor) {
                    running = false;
                    monitor.notifyAll();
                }
            }
            if (!await(started)) {
                return;
            }
        }
    }

    /** Until woken or the poll is due, and the gap since the last pass's start is over; false when stopping. */
    private boolean await(long lastStarted) {
        long poll = pollMillis.getAsLong();
        synchronized (monitor) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(poll);
            while (!woken && !stopping) {
                long left = poll <= 0 ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    running = true;
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, TimeUnit.SECONDS.toNanos(60)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                    return false;
                }
            }
            // Wake-ups during the gap are taken by the pass that follows it.
            long earliest = lastStarted + minGapNanos;
            for (long left = earliest - System.nanoTime(); left > 0 && !stopping; left = earliest - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                    return false;
                }
            }
            woken = false;
            running = !stopping;
            return !stopping;
        }
    }

    /**
     * Waits until no pass is under way and none was asked for (at most {@code max}); false when one
     * still is. For tests that drive the work by hand and must know the thread will not run a pass
     * the last wake-up asked for while they look.
     */
    boolean awaitIdle(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (monitor) {
            while (running || woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** A pass under way finishes (up to 10 s) before the beans it uses close. */
    void stop() {
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
