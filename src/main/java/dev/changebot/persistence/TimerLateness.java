package dev.changebot.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code changebot_timer_lateness_seconds}: how late each durable timer fired (fired at minus due
 * at, the late_by_ms its row keeps), observed as the row is marked fired. Buckets from "on time"
 * (the poller wakes within milliseconds) to the clustered sweep's minute and beyond (an outage).
 */
@Singleton
class TimerLateness {

    static final String NAME = "changebot.timer.lateness";

    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1)};

    private final Timer timer;

    TimerLateness(MeterRegistry registry) {
        this.timer = Timer.builder(NAME)
                .description("How late durable timers fired: fired at minus due at")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    void observe(long lateByMillis) {
        timer.record(Math.max(0, lateByMillis), TimeUnit.MILLISECONDS);
    }
}
