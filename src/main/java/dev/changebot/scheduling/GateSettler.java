package dev.changebot.scheduling;

import dev.changebot.application.gate.SettleGateChecks;
import dev.changebot.application.port.GateSettling;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides pending gate checks again on a thread of its own: woken after each commit that recorded a
 * fact on this node, and at least every {@code changebot.gate.poll} (1 s) for what time settles (a soak
 * or freeze ending, a window opening, a deadline) and what other nodes recorded. A wake-up during a
 * pass makes one more pass. 0: only when woken (tests that drive it with {@link #settleNow}).
 */
@Singleton
public class GateSettler implements GateSettling {

    private static final Logger LOG = LoggerFactory.getLogger(GateSettler.class);

    private final Provider<SettleGateChecks> settle;
    private final long pollMillis;
    private final Object monitor = new Object();
    private boolean woken;
    private volatile boolean stopping;
    private Thread thread;

    GateSettler(Provider<SettleGateChecks> settle, @Value("${changebot.gate.poll:1s}") Duration poll) {
        this.settle = settle;
        this.pollMillis = poll.toMillis();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        thread = new Thread(this::run, "gate-settler");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void settleSoon() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    /** One pass on the calling thread; how many checks settled. */
    public int settleNow() {
        return settle.get().settlePending();
    }

    private void run() {
        while (!stopping) {
            try {
                settleNow();
            } catch (RuntimeException e) {
                // The database may be away for a moment: pending checks stay pending, the next pass decides them.
                LOG.warn("Could not decide pending gate checks; trying again at the next wake-up or poll: {}", e.getMessage());
            }
            if (!await()) {
                return;
            }
        }
    }

    /** Until woken or the poll is due; false when stopping. */
    private boolean await() {
        synchronized (monitor) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis);
            while (!woken && !stopping) {
                long left = pollMillis <= 0 ? TimeUnit.SECONDS.toNanos(60) : deadline - System.nanoTime();
                if (pollMillis > 0 && left <= 0) {
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, TimeUnit.SECONDS.toNanos(60)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            woken = false;
            return !stopping;
        }
    }

    @PreDestroy
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
