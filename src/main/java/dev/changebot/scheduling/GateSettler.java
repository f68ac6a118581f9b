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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides pending gate checks again on a thread of its own: woken after each commit that recorded a
 * fact on this node, and at least every {@code changebot.gate.poll} (1 s) for what time settles (a soak
 * or freeze ending, a window opening, a deadline) and what other nodes recorded. A wake-up during a
 * pass makes one more pass. 0: only when woken (tests that drive it with {@link #settleNow}). With a poll,
 * a commit wakes it only when a check may be pending: most commits record approvals while no pipeline
 * waits, and each needless pass cost a read (docs/performance/ack-path-sessions.md, eighth session).
 */
@Singleton
public class GateSettler implements GateSettling {

    private static final Logger LOG = LoggerFactory.getLogger(GateSettler.class);

    private final Provider<SettleGateChecks> settle;
    private final PassLoop loop;
    private final boolean polling;

    GateSettler(Provider<SettleGateChecks> settle, @Value("${changebot.gate.poll:1s}") Duration poll,
                @Value("${changebot.gate.min-gap:100ms}") Duration minGap) {
        this.settle = settle;
        this.polling = !poll.isZero();
        this.loop = new PassLoop("gate-settler", poll, minGap, this::pass);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        loop.start();
    }

    /**
     * After a commit that recorded a fact. Skipped when the last pass found nothing pending and no check was
     * added here since; another node's new check waits for the poll then, which is why a settler that does
     * not poll is always woken.
     */
    @Override
    public void settleSoon() {
        if (!polling || settle.get().mayHavePending()) {
            loop.wake();
        }
    }

    /** One pass on the calling thread; how many checks settled. */
    public int settleNow() {
        return settle.get().settlePending();
    }

    private void pass() {
        try {
            settleNow();
        } catch (RuntimeException e) {
            // The database may be away for a moment: pending checks stay pending, the next pass decides them.
            LOG.warn("Could not decide pending gate checks; trying again at the next wake-up or poll: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }
}
