package dev.changebot.scheduling;

import dev.changebot.application.delivery.DeliverOutbox;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Drains the Slack outbox every {@code changebot.outbox.interval} milliseconds on every node
 * (claims are leases, so nodes share the work). 0 turns the pump off; tests drain by hand.
 */
@Singleton
class OutboxPump {

    private final RepeatingTask task;
    private final long intervalMillis;

    OutboxPump(DeliverOutbox deliver, @Value("${changebot.outbox.interval:250}") long intervalMillis) {
        this.intervalMillis = intervalMillis;
        this.task = new RepeatingTask("slack-outbox", intervalMillis, deliver::drain);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (intervalMillis > 0) {
            task.start();
        }
    }

    /** Before the connection pools close: the pump depends on them, so it is destroyed first. */
    @PreDestroy
    void stop() {
        task.stop();
    }
}
