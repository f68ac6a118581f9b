package dev.changebot.scheduling;

import dev.changebot.application.delivery.DeliverOutbox;
import dev.changebot.application.port.SlackDeliveryWaking;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the Slack outbox on every node (claims are leases, so nodes share the work): every
 * {@code changebot.outbox.interval} milliseconds (250) while drains find work; once one finds nothing
 * due, at the next instant something this node sent back is due again (a pacing slot, Retry-After, a
 * retry), at the latest after {@code changebot.outbox.idle-interval} (1 s: other nodes' rows, leases run
 * out), and at once when this node commits a message refresh or a notice. Idle, a look every 250 ms was
 * two statements four times a second on every node. 0 turns the pump off; tests drain by hand.
 */
@Singleton
class OutboxPump implements SlackDeliveryWaking {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPump.class);
    /** Wake-ups this close together are taken by one drain. */
    private static final Duration MIN_GAP = Duration.ofMillis(20);

    private final DeliverOutbox deliver;
    private final Clock clock;
    private final long intervalMillis;
    private final long idleMillis;
    private final PassLoop loop;
    /** The last drain found nothing due: a commit's wake-up delivers at once. */
    private volatile boolean idle;
    private volatile boolean stopping;

    OutboxPump(DeliverOutbox deliver, Clock clock, @Value("${changebot.outbox.interval:250}") long intervalMillis,
               @Value("${changebot.outbox.idle-interval:1000}") long idleMillis) {
        this.deliver = deliver;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.idleMillis = Math.max(intervalMillis, idleMillis);
        this.loop = new PassLoop("slack-outbox", this::nextLookMillis, MIN_GAP, this::drain);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (intervalMillis > 0) {
            loop.start();
        }
    }

    /** After a commit that queued a message refresh or a notice: at once when idle, else at the next look. */
    @Override
    public void deliverSoon() {
        if (idle && intervalMillis > 0) {
            loop.wake();
        }
    }

    private void drain() {
        try {
            deliver.drain(() -> !stopping);
        } catch (RuntimeException e) {
            // The database may be away for a moment: the next look tries again.
            LOG.warn("slack-outbox failed; trying again in {} ms", intervalMillis, e);
        }
    }

    /** Whether the last drain found nothing due (a commit's wake-up then delivers at once). */
    boolean idle() {
        return idle;
    }

    /** How long until the next look, after a drain. */
    long nextLookMillis() {
        if (deliver.lastDrainClaimed()) {
            idle = false;
            return intervalMillis;
        }
        idle = true;
        long untilDue = deliver.earliestDueAgain()
                .map(at -> Duration.between(clock.instant(), at).toMillis() + 1)
                .orElse(idleMillis);
        return Math.max(1, Math.min(idleMillis, untilDue));
    }

    /** Before the connection pools close: the pump depends on them, so it is destroyed first. */
    @PreDestroy
    void stop() {
        stopping = true;
        loop.stop();
    }
}
