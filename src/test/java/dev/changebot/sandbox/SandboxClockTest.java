package dev.changebot.sandbox;

import static dev.changebot.sandbox.SandboxApp.ALICE;
import static dev.changebot.sandbox.SandboxApp.CHANGES;
import static dev.changebot.sandbox.SandboxApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.ChangeForms;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fast-forwarding the bot's clock (sandbox only): a two-hour staging soak ends at once, on the bot's own timer. */
@Timeout(180)
class SandboxClockTest {

    @Test
    @DisplayName("deployed to staging with a 2 h soak; the clock moved 121 minutes: the soak timer fires and the bot says so in the change's thread")
    void fastForwardEndsASoak() {
        try (var sandbox = SandboxApp.start(Map.of("changebot.policy", "src/test/resources/policies/test-sandbox-soak.yaml"))) {
            sandbox.type(ALICE, CHANGES, "/change new");
            sandbox.act("/sandbox/api/views/submit", json("as", ALICE, "view_id", sandbox.topModal(ALICE).get("id").getAsString(),
                    "values", ChangeForms.complete(Instant.now().plus(Duration.ofMinutes(5))).inClass("standard")
                            .title("Rotate the TLS certificates").state()));
            var ts = sandbox.lastBotMessage(ALICE, CHANGES).get("ts").getAsString();
            assertThat(sandbox.type(ALICE, CHANGES, "/change start CHG-1").get("ok").getAsBoolean()).isTrue();
            assertThat(sandbox.type(ALICE, CHANGES, "/change deployed CHG-1 staging").get("ok").getAsBoolean()).isTrue();
            assertThat(sandbox.database().rows("SELECT status FROM change_timer WHERE kind = 'SOAK_END'"))
                    .singleElement().satisfies(row -> assertThat(row).containsEntry("status", "PENDING"));
            assertThat(sandbox.state(ALICE).getAsJsonObject("threads").toString()).doesNotContain("soak in staging complete");

            var advanced = sandbox.act("/sandbox/api/clock/advance", json("minutes", 121));

            assertThat(advanced.get("offset_seconds").getAsLong()).isEqualTo(121 * 60);
            assertThat(sandbox.database().awaitRows(Duration.ofSeconds(30),
                    "SELECT 1 FROM change_timer WHERE kind = 'SOAK_END' AND status = 'FIRED'")).hasSize(1);
            sandbox.app().deliverOutbox();
            var state = sandbox.state(ALICE);
            assertThat(state.getAsJsonObject("clock").get("offset_seconds").getAsLong()).isEqualTo(121 * 60);
            assertThat(state.getAsJsonObject("threads").getAsJsonArray(CHANGES + "/" + ts).toString())
                    .contains("CHG-1", "soak in staging complete");
        }
    }

    @Test
    @DisplayName("the clock only moves forward, by at least a minute and at most 31 days a step")
    void boundedSteps() {
        try (var sandbox = SandboxApp.start()) {
            var backwards = sandbox.app().post("/sandbox/api/clock/advance", json("minutes", -5).toString(),
                    Map.of("Content-Type", "application/json"));
            assertThat(backwards.statusCode()).isEqualTo(400);
            assertThat(backwards.body()).contains("forward");
            var tooFar = sandbox.app().post("/sandbox/api/clock/advance", json("minutes", 31 * 24 * 60 + 1).toString(),
                    Map.of("Content-Type", "application/json"));
            assertThat(tooFar.statusCode()).isEqualTo(400);
            assertThat(sandbox.state(ALICE).getAsJsonObject("clock").get("offset_seconds").getAsLong()).isZero();
        }
    }

}
