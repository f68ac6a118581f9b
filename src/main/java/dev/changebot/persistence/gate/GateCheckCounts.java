package dev.changebot.persistence.gate;

import dev.changebot.domain.gate.GateState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code changebot_gate_checks_total{state}}: gate checks asked ("pending" counts every one
 * stored undecided) and settled (allowed, prevented, invalid), by this node since it started, as
 * they are written. Counting the table instead would read every check ever asked at each scrape;
 * Prometheus's rate() and increase() read these across restarts. How many are pending now is the
 * database gauge changebot_gate_checks_pending.
 */
@Singleton
class GateCheckCounts {

    private final Map<GateState, Counter> counters = new EnumMap<>(GateState.class);

    GateCheckCounts(MeterRegistry registry) {
        for (var state : GateState.values()) {
            counters.put(state, Counter.builder("changebot.gate.checks")
                    .description("Gate checks stored undecided (pending) or settled, by state")
                    .tag("state", state.code())
                    .register(registry));
        }
    }

    void reached(GateState state) {
        counters.get(state).increment();
    }
}
