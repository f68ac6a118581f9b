package dev.changebot.config;

import dev.changebot.domain.gate.ClassCalendar;
import dev.changebot.domain.gate.GateDecision;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The gate's decision, with the calendar it asks "may it go?": today the class's windows and
 * freezes; a service- and environment-aware calendar is swapped in here.
 */
@Factory
class GateFactory {

    @Singleton
    GateDecision gateDecision() {
        return new GateDecision(new ClassCalendar());
    }
}
