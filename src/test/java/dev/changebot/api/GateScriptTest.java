package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** bin/changebot-gate (POSIX sh + curl) against the running app: 0 allowed, 1 prevented, 2 unreachable. */
@Timeout(180)
class GateScriptTest extends WithCiToken {

    @Test
    @DisplayName("an allowed pre-approved deploy exits 0 and prints the check's id")
    void allowedExitsZero() throws Exception {
        var run = script(gate.uri("/").toString(), "check", "--environment", "production", "--service", "web",
                "--sha", "0a1b2c3d", "--actor", "octocat", "--key", "github:1:1:production").finish();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip()).startsWith("gc_");
        assertThat(gate.db.rows("SELECT state FROM gate_check").get(0)).containsEntry("state", "allowed");
    }

    @Test
    @DisplayName("a pending check waits in the script and exits 0 once the freeze is lifted")
    void waitsUntilAllowed() throws Exception {
        gate.say(GateFixture.ADMIN, "freeze start Launch day");
        var running = script(gate.uri("/").toString(), "check", "--environment", "production", "--service", "web",
                "--sha", "0a1b2c3d", "--key", "k-wait", "--timeout", "60");
        gate.db.awaitRows(java.time.Duration.ofSeconds(20), "SELECT id FROM gate_check WHERE state = 'pending'");

        gate.say(GateFixture.ADMIN, "freeze end");

        var run = running.finish();
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("pending", "allowed");
    }

    @Test
    @DisplayName("a rejected change exits 1; a report the rules refuse exits 1 too")
    void preventedExitsOne() throws Exception {
        gate.requestNormalChange();
        gate.say(GateFixture.REVIEWER, "reject CHG-1 not now");

        var check = script(gate.uri("/").toString(), "check", "--environment", "staging", "--change", "CHG-1",
                "--key", "k-rejected").finish();
        assertThat(check.exit()).as(check.err()).isEqualTo(1);
        assertThat(check.err()).contains("rejected");
    }

    @Test
    @DisplayName("report moves the change: staging succeeded starts its soak; the commit and PR times go with it")
    void reportSucceeded() throws Exception {
        gate.requestNormalChange();
        gate.clickApprove(GateFixture.REVIEWER, 1);

        var run = script(gate.uri("/").toString(), "report", "--status", "succeeded", "--change", "CHG-1",
                "--environment", "staging", "--version", "1.4.2", "--committed-at", "2026-03-09T16:30:00+01:00",
                "--pr-opened-at", "2026-03-09T17:00:00Z", "--key", "r-1").finish();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("soaking");
        assertThat(gate.db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "SOAKING");
        assertThat(gate.db.rows("SELECT committed_at, pr_opened_at FROM deployment")).singleElement().satisfies(row -> {
            assertThat(((java.sql.Timestamp) row.get("committed_at")).toInstant()).hasToString("2026-03-09T15:30:00Z");
            assertThat(((java.sql.Timestamp) row.get("pr_opened_at")).toInstant()).hasToString("2026-03-09T17:00:00Z");
        });
    }

    @Test
    @DisplayName("Changebot unreachable, no token or a wrong token exits 2")
    void unreachableExitsTwo() throws Exception {
        var unreachable = script("http://127.0.0.1:9", "check", "--environment", "production", "--change", "CHG-1")
                .finish();
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.err()).contains("did not answer");

        token = "cbt_" + "Z".repeat(43);
        var wrongToken = script(gate.uri("/").toString(), "check", "--environment", "production", "--change", "CHG-1")
                .finish();
        assertThat(wrongToken.exit()).isEqualTo(2);
        assertThat(wrongToken.err()).contains("401");
    }

    private Running script(String url, String... args) throws IOException {
        var command = new ArrayList<>(List.of("sh", "bin/changebot-gate"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("CHANGEBOT_URL", url);
        builder.environment().put("CHANGEBOT_TOKEN", token);
        builder.environment().remove("GITHUB_RUN_ID");
        return new Running(builder.start());
    }

    private record Run(int exit, String out, String err) {
    }

    private record Running(Process process) {
        Run finish() throws Exception {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the script did not end within 90 s");
            }
            return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
