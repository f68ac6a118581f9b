package dev.changebot.api;

import static dev.changebot.api.GateFixture.id;
import static dev.changebot.api.GateFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.PrometheusText;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** changebot_gate_checks_total{state} on /metrics, as checks are asked and settled (the pending gauge: DatabaseGaugesTest). */
@Timeout(120)
class GateCheckMetricsTest extends WithCiToken {

    static final String CHECKS = "changebot_gate_checks_total";

    @Test
    @DisplayName("one check allowed at once, one pending until its window opens: counted as stored and as settled")
    void countedAsStoredAndSettled() {
        var before = PrometheusText.scrape(gate.app);
        gate.postCheck(token, "k-now", GateCheckFlowTest.PRE_APPROVED);
        gate.clock.set(Instant.parse("2026-03-10T18:00:00Z"));
        var pending = gate.postCheck(token, "k-window", GateCheckFlowTest.PRE_APPROVED);
        assertThat(state(pending)).isEqualTo("pending");

        var waiting = PrometheusText.scrape(gate.app);
        assertThat(delta(before, waiting, "allowed")).isEqualTo(1);
        assertThat(delta(before, waiting, "pending")).isEqualTo(1);

        gate.clock.set(Instant.parse("2026-03-11T09:00:00Z"));
        gate.settle();
        assertThat(state(gate.get("/api/v1/gate/checks/" + id(pending), token))).isEqualTo("allowed");

        var settled = PrometheusText.scrape(gate.app);
        assertThat(delta(waiting, settled, "allowed")).isEqualTo(1);
        assertThat(delta(waiting, settled, "pending")).isZero();
        assertThat(delta(before, settled, "prevented")).isZero();
    }

    private static double delta(PrometheusText before, PrometheusText after, String state) {
        return after.value(CHECKS, Map.of("state", state)) - before.value(CHECKS, Map.of("state", state));
    }
}
