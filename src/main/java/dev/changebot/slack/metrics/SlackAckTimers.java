package dev.changebot.slack.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code changebot_slack_ack_duration_seconds{kind}}: from the moment a Slack request arrived to the
 * moment its answer was ready, by {@link AckKind}: over HTTP, from its arrival at /slack/events (before
 * it waits for a thread); in Socket Mode, from Bolt's start on it (the WebSocket's own time is not in). One timer per kind, registered
 * up front: recording is an array update, no tag building or lookup on the request path. The buckets
 * are the ones that matter for Slack's 3-second ack; a few fixed ones instead of Micrometer's
 * percentile histogram (some seventy buckets per kind) keep the scrape and the recording small.
 * Built at start-up, not with the controller at the first request, so every series is there (at 0)
 * from the first scrape on.
 */
@Context
public class SlackAckTimers {

    public static final String NAME = "changebot.slack.ack.duration";

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5)};

    private final Map<AckKind, Timer> timers = new EnumMap<>(AckKind.class);

    SlackAckTimers(MeterRegistry registry) {
        for (var kind : AckKind.values()) {
            timers.put(kind, Timer.builder(NAME)
                    .description("Time from a Slack request's arrival to its answer (the ack Slack waits 3 s for)")
                    .tag("kind", kind.label())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
    }

    /** A request of {@code kind} that arrived at {@code arrivedNanos} ({@link System#nanoTime()}) was answered now. */
    public void record(AckKind kind, long arrivedNanos) {
        timers.get(kind).record(System.nanoTime() - arrivedNanos, TimeUnit.NANOSECONDS);
    }
}
