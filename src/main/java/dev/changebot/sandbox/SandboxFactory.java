package dev.changebot.sandbox;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

/** The sandbox decision, made once, for whoever wires Slack and the clock. */
@Factory
class SandboxFactory {

    @Singleton
    SandboxMode sandboxMode(PropertyResolver properties) {
        return SandboxMode.of(properties);
    }
}
