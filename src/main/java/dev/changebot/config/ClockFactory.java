package dev.changebot.config;

import dev.changebot.sandbox.OffsetClock;
import dev.changebot.sandbox.SandboxMode;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of "now": tests replace it with a clock they control. In the sandbox it is real
 * time plus an offset the page can move forward, so timers can be watched firing.
 */
@Factory
class ClockFactory {

    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock clock(SandboxMode sandbox) {
        return sandbox.on() ? new OffsetClock(Clock.systemUTC()) : Clock.systemUTC();
    }
}
