package dev.changebot.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * With {@code micronaut.metrics.enabled=false} (MICRONAUT_METRICS_ENABLED=false) the framework makes no
 * meter registry, and the bot's meters (the Slack ack timers, the Slack API counters...) would leave
 * it unable to start. They get a composite registry with nothing under it instead: every meter is a
 * no-op, and GET /metrics is not served.
 */
@Factory
class MetricsOffFactory {

    @Singleton
    @Requires(property = "micronaut.metrics.enabled", value = "false")
    MeterRegistry noMetrics() {
        return new CompositeMeterRegistry();
    }
}
