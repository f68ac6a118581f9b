package dev.changebot.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeFixtures;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.policyfile.PolicyLoad;
import dev.changebot.policyfile.PolicyReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gate asks the policy's calendar for the deployment's own service and environment: a freeze
 * scoped to production holds a production deploy and lets staging go (test-services.yaml: the
 * production weekend freeze, Friday 16:00 to Monday 08:00 UTC).
 */
class ScopedGateTest {

    /** Saturday 14 March 2026, 12:00 UTC: inside the production weekend freeze. */
    static final Instant SATURDAY = Instant.parse("2026-03-14T12:00:00Z");
    static final ChangeId ID = new ChangeId(3);

    final Policy policy = policy();
    final GateDecision gate = new GateDecision(new PolicyCalendar());

    @Test
    void aFreezeScopedToProductionHoldsProductionUntilItEndsAndLetsStagingGo() {
        var change = Change.request(ID, "T1", "U0DEV", "C1", "standard", ChangeFixtures.details(), SATURDAY).change();
        change.apply(new ChangeEvent.ChangePreApproved(ID, "api:ci", SATURDAY, "standard"));

        var staging = gate.decide(change, policy, CalendarState.QUIET, Optional.of("api"), "staging", Optional.empty(), SATURDAY);
        var production = gate.decide(change, policy, CalendarState.QUIET, Optional.of("api"), "production", Optional.empty(), SATURDAY);

        assertThat(staging.state()).isEqualTo(GateState.ALLOWED);
        assertThat(production.state()).isEqualTo(GateState.PENDING);
        assertThat(production.reasons()).extracting(GateReason::code).contains("freeze");
        assertThat(production.nextOpen()).contains(Instant.parse("2026-03-16T08:00:00Z"));
    }

    private static Policy policy() {
        try {
            var load = PolicyReader.read("test-services.yaml",
                    Files.readString(Path.of("src/test/resources/policies/test-services.yaml")));
            return ((PolicyLoad.Loaded) load).policy();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
