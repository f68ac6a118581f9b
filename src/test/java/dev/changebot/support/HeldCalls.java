package dev.changebot.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The fake Slack API's calls held back until a test lets them go: Slack being slow to answer. */
final class HeldCalls {

    /** However long a test forgets to let a call go, it is answered then. */
    private static final long MAX_HOLD_SECONDS = 30;

    private final Map<String, Deque<CountDownLatch>> held = new HashMap<>();

    /** The next call of {@code method} waits until the returned latch is counted down. */
    synchronized CountDownLatch holdNext(String method) {
        var release = new CountDownLatch(1);
        held.computeIfAbsent(method, m -> new ArrayDeque<>()).add(release);
        return release;
    }

    /** Called as a call of {@code method} arrives: waits when it was held. */
    void waitIfHeld(String method) {
        CountDownLatch hold;
        synchronized (this) {
            var queue = held.get(method);
            hold = queue == null ? null : queue.poll();
        }
        if (hold == null) {
            return;
        }
        try {
            hold.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
