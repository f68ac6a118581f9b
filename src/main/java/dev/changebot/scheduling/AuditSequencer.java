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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chains recorded facts into the audit log on every node, on a thread of its own: woken after
 * each commit that recorded a fact on this node, and looking at least every {@code
 * changebot.audit.poll} for what other nodes recorded (0: only when woken, for tests that drive it
 * by hand with {@link #chainNow}). A wake-up during a pass makes one more pass, so nothing
 * committed is left waiting for the poll; passes start at least {@code changebot.audit.min-gap}
 * (250 ms) apart, so a burst of approvals is chained in a few transactions, not one per approval
 * (docs/performance/ack-path-passes.md, "Fourth pass"). A lag over {@link #SLOW} is logged.
 */
@Singleton
public class AuditSequencer implements AuditChaining {

    static final Duration SLOW = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AuditSequencer.class);

    private final Provider<ChainRecordedFacts> chaining;
    private final PassLoop loop;
    private volatile String problem;

    AuditSequencer(Provider<ChainRecordedFacts> chaining, @Value("${changebot.audit.poll:1s}") Duration poll,
                   @Value("${changebot.audit.min-gap:250ms}") Duration minGap) {
        this.chaining = chaining;
        this.loop = new PassLoop("audit-sequencer", poll, minGap, this::pass);
    }

    /** The first pass at start-up chains what was recorded while no node ran, and this node's policy. */
    @EventListener
    void onStartup(StartupEvent event) {
        loop.start();
    }

    @Override
    public void chainSoon() {
        loop.wake();
    }

    /** One pass on the calling thread: everything recorded and committed so far is chained. */
    public ChainRecordedFacts.Pass chainNow() {
        return chaining.get().chainWaiting();
    }

    /** Until this node's thread has no pass under way nor asked for (at most {@code max}); false if it still has. */
    public boolean awaitIdle(Duration max) {
        return loop.awaitIdle(max);
    }

    /** Null while passes succeed; the last failure's message otherwise. */
    public String problem() {
        return problem;
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

    /** Before the connection pool closes (this bean depends on it): a pass under way finishes. */
    @PreDestroy
    void stop() {
        loop.stop();
    }
}
