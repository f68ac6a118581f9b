package dev.changebot.config;

import dev.changebot.sandbox.DueTimers;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.scheduling.TimerPoller;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** After the sandbox moves the clock, the timers it made due fire at once, on the poller's firing path. */
@Factory
class SandboxTimersFactory {

    @Singleton
    @Requires(condition = SandboxOn.class)
    DueTimers dueTimers(TimerPoller poller) {
        return poller::fireDue;
    }
}
