package dev.changebot.api;

import static dev.changebot.api.GateFixture.id;
import static dev.changebot.api.GateFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.scheduling.IncidentThawJob;
import dev.changebot.support.FakeSlackApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** With a cool-down, a resolved incident's freeze lasts that much longer; the background pass lifts it and posts the digest. */
@Timeout(120)
class IncidentCoolDownTest {

    static final String CHECK = "{\"service\": \"payments-api\", \"environment\": \"production\", \"sha\": \"0a1b2c3d4e5f\"}";

    GateFixture gate;

    @AfterEach
    void stop() {
        if (gate != null) {
            gate.close();
        }
    }

    @Test
    @DisplayName("resolved: still frozen for the 15 minutes of cool-down, then lifted by the thaw pass with one digest")
    void coolDown(@TempDir Path dir) throws Exception {
        var policy = dir.resolve("cool-down.yaml");
        Files.writeString(policy, Files.readString(Path.of("src/test/resources/policies/test-incidents.yaml"))
                .replace("  declared_by: [incident-commander]", "  declared_by: [incident-commander]\n  cool_down: 15m"));
        gate = new GateFixture(policy.toString(), GateFixture.TUESDAY_10, Map.of(
                "changebot.incident.workspace", FakeSlackApi.TEAM_ID, "changebot.incidents.thaw-initial-delay", "1h"));
        var token = gate.token("ci");

        assertThat(gate.say("U0IC", "incident start SEV1 Checkout errors payments-api")).contains("Recorded INC-1");
        var waiting = gate.postCheck(token, "k-1", CHECK);
        assertThat(state(waiting)).isEqualTo("pending");
        assertThat(gate.say("U0IC", "incident resolve INC-1")).contains("lifts after the policy's cool-down of 15 minutes");
        gate.settle();
        assertThat(state(gate.get("/api/v1/gate/checks/" + id(waiting), token))).isEqualTo("pending");

        gate.clock.advance(Duration.ofMinutes(10));
        gate.app.bean(IncidentThawJob.class).thaw();
        gate.settle();
        assertThat(state(gate.get("/api/v1/gate/checks/" + id(waiting), token))).as("within the cool-down").isEqualTo("pending");

        gate.clock.advance(Duration.ofMinutes(5));
        gate.app.bean(IncidentThawJob.class).thaw();
        gate.app.bean(IncidentThawJob.class).thaw();
        gate.settle();
        assertThat(state(gate.get("/api/v1/gate/checks/" + id(waiting), token))).isEqualTo("allowed");
        for (int i = 0; i < 5; i++) {
            gate.app.deliverOutbox();
            gate.clock.advance(Duration.ofSeconds(2));
        }
        assertThat(gate.slack.calls("chat.postMessage")).filteredOn(c -> c.param("text").contains("Freeze lifted"))
                .hasSize(1);
        assertThat(gate.db.rows("SELECT kind FROM audit_note WHERE kind = 'IncidentFreezeLifted'")).hasSize(1);
    }
}
