package dev.changebot.scheduling;

import dev.changebot.application.delivery.DeliverOutbox;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the Slack outbox every {@code changebot.outbox.interval} milliseconds on every node
 * (claims are leases, so nodes share the work). 0 turns the pump off; tests drain by hand.
 */
@Singleton
class OutboxPump {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPump.class);

    private final DeliverOutbox deliver;
    private final long intervalMillis;
    private ScheduledExecutorService pump;
    private volatile boolean stopping;

    OutboxPump(DeliverOutbox deliver, @Value("${changebot.outbox.interval:250}") long intervalMillis) {
        this.deliver = deliver;
        this.intervalMillis = intervalMillis;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (intervalMillis <= 0) {
            return;
        }
        pump = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "slack-outbox");
            thread.setDaemon(true);
            return thread;
        });
        pump.scheduleWithFixedDelay(this::drain, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void drain() {
        try {
            deliver.drain(() -> !stopping);
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again.
            LOG.warn("Slack outbox delivery failed; retrying in {} ms", intervalMillis, e);
        }
    }

    /** Before the connection pools close: the pump depends on them, so it is destroyed first. */
    @PreDestroy
    void stop() {
        stopping = true;
        if (pump != null) {
            pump.shutdown();
            try {
                pump.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
