package dev.changebot.config;

import dev.changebot.domain.gate.PolicyCalendar;
import dev.changebot.domain.gate.GateDecision;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The gate's decision, with the calendar it asks "may it go?": the policy's, scoped to service and environment. */
@Factory
class GateFactory {

    @Singleton
    GateDecision gateDecision() {
        return new GateDecision(new PolicyCalendar());
    }
}
