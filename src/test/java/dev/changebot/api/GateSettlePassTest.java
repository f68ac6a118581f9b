package dev.changebot.api;

import static dev.changebot.api.GateFixture.id;
import static dev.changebot.api.GateFixture.json;
import static dev.changebot.api.GateFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.gate.SettleGateChecks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A settler pass decides every pending check on the calendar it read once for the pass, and records a
 * new verdict only after reading the calendar again: several checks pending at once each follow a
 * freeze declared and lifted between passes. A pass that found nothing pending lets commits go without
 * another, until a check is opened here.
 */
@Timeout(180)
class GateSettlePassTest extends WithCiToken {

    @Test
    @DisplayName("checks approved during a freeze all stay pending for the freeze; lifting it allows them all in one pass")
    void severalChecksFollowTheFreeze() {
        for (int n = 1; n <= 3; n++) {
            gate.requestNormalChange();
            // One message a second in a channel, as Slack allows: the next change's is posted a moment later.
            gate.clock.advance(Duration.ofSeconds(2));
            gate.app.deliverOutbox();
        }
        assertThat(gate.say(GateFixture.ADMIN, "freeze start Launch day")).contains("Freeze declared");
        var ids = List.of(1, 2, 3).stream().map(n -> id(gate.postCheck(token, "k-pass-" + n,
                "{\"change\": \"CHG-" + n + "\", \"environment\": \"staging\"}"))).toList();

        gate.clickApprove(GateFixture.REVIEWER, 1);
        gate.clickApprove(GateFixture.REVIEWER, 2);
        gate.settle();

        for (var checkId : ids.subList(0, 2)) {
            var check = gate.get("/api/v1/gate/checks/" + checkId, token);
            assertThat(state(check)).isEqualTo("pending");
            assertThat(json(check).getAsJsonArray("reasons").toString()).contains("\"freeze\"")
                    .doesNotContain("approval_pending");
        }
        var unapproved = gate.get("/api/v1/gate/checks/" + ids.get(2), token);
        assertThat(json(unapproved).getAsJsonArray("reasons").toString()).contains("approval_pending", "\"freeze\"");

        gate.say(GateFixture.ADMIN, "freeze end");
        gate.settle();

        assertThat(ids.stream().map(checkId -> state(gate.get("/api/v1/gate/checks/" + checkId, token))).toList())
                .containsExactly("allowed", "allowed", "pending");
        assertThat(json(gate.get("/api/v1/gate/checks/" + ids.get(2), token)).getAsJsonArray("reasons").toString())
                .contains("approval_pending").doesNotContain("\"freeze\"");
    }

    @Test
    @DisplayName("a commit needs a settler pass only while a check may be pending: not once a pass found none, again once one is opened here")
    void knowsWhenACheckMayBePending() {
        var settle = gate.app.bean(SettleGateChecks.class);
        gate.requestNormalChange();
        assertThat(settlesToNothingPending(settle)).as("no check yet").isTrue();

        var checkId = id(gate.postCheck(token, "k-wake", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}"));
        assertThat(settle.mayHavePending()).as("a check opened here, pending").isTrue();
        gate.settle();
        assertThat(settle.mayHavePending()).as("it waits for its approval").isTrue();

        gate.clickApprove(GateFixture.REVIEWER, 1);
        gate.settle();
        assertThat(state(gate.get("/api/v1/gate/checks/" + checkId, token))).isEqualTo("allowed");
        assertThat(settlesToNothingPending(settle)).as("allowed: nothing left pending").isTrue();
    }

    /**
     * Passes by hand until one finds nothing pending (10 s at most): the settler's own thread, woken by the
     * test's commits, may be in a pass that read the check before it was allowed.
     */
    private boolean settlesToNothingPending(SettleGateChecks settle) {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            gate.settle();
            if (!settle.mayHavePending()) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
