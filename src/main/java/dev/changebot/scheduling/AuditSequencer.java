package dev.changebot.scheduling;

import dev.changebot.application.audit.ChainRecordedFacts;
import dev.changebot.application.port.AuditChaining;
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
 * Chains recorded facts into the audit log on every node, on a thread of its own: woken after
 * each commit that recorded a fact on this node, and looking at least every {@code
 * changebot.audit.poll} for what other nodes recorded (0: only when woken, for tests that drive it
 * by hand with {@link #chainNow}). A wake-up during a pass makes one more pass, so nothing
 * committed is left waiting for the poll. A lag over {@link #SLOW} is logged.
 */
@Singleton
public class AuditSequencer implements AuditChaining {

    static final Duration SLOW = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AuditSequencer.class);

    private final Provider<ChainRecordedFacts> chaining;
    private final long pollMillis;
    private final Object monitor = new Object();
    private boolean woken;
    private volatile boolean stopping;
    private volatile String problem;
    private Thread thread;

    AuditSequencer(Provider<ChainRecordedFacts> chaining, @Value("${changebot.audit.poll:1s}") Duration poll) {
        this.chaining = chaining;
        this.pollMillis = poll.toMillis();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        thread = new Thread(this::run, "audit-sequencer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void chainSoon() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    /** One pass on the calling thread: everything recorded and committed so far is chained. */
    public ChainRecordedFacts.Pass chainNow() {
        return chaining.get().chainWaiting();
    }

    /** Null while passes succeed; the last failure's message otherwise. */
    public String problem() {
        return problem;
    }

    private void run() {
        // The first pass at start-up: what was recorded while no node ran, and this node's policy.
        boolean due = true;
        while (!stopping) {
            if (due) {
                pass();
            }
            due = await();
        }
    }

    private void pass() {
        try {
            var pass = chainNow();
            problem = null;
            if (pass.longestWait().compareTo(SLOW) > 0) {
                LOG.warn("Audit sequencer lag: {} entries chained, the oldest recorded {} ago", pass.entries(),
                        pass.longestWait());
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment: the facts wait in their tables, the next pass chains them.
            problem = e.getMessage();
            LOG.warn("Could not chain recorded facts into the audit log; trying again at the next wake-up or poll", e);
        }
    }

    /** Until woken or the poll is due; true when a pass should follow. */
    private boolean await() {
        synchronized (monitor) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis);
            while (!woken && !stopping) {
                long left = pollMillis <= 0 ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
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
            boolean wake = woken;
            woken = false;
            return wake && !stopping;
        }
    }

    /** Before the connection pool closes (this bean depends on it): a pass under way finishes. */
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
