package dev.changebot.api;

import static dev.changebot.api.GateFixture.id;
import static dev.changebot.api.GateFixture.json;
import static dev.changebot.api.GateFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A settler pass decides every pending check on the calendar it read once for the pass, and records a
 * new verdict only after reading the calendar again: several checks pending at once each follow a
 * freeze declared and lifted between passes.
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
}
