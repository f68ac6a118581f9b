package dev.changebot.api;

import static dev.changebot.api.GateFixture.json;
import static dev.changebot.api.GateFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.evidence.ExportEvidence;
import dev.changebot.domain.evidence.PeriodReading;
import dev.changebot.support.EvidenceScenario;
import dev.changebot.support.FakeSlackApi;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14, item 6: a deployment reported with no allowed check and no approved change behind it is
 * recorded (never refused), kept as an exception in the audit chain and told to the escalation
 * channel; one that is covered moves its change as before.
 */
@Timeout(120)
class UnauthorizedDeploymentTest extends WithCiToken {

    private static final String UNAPPROVED = "{\"change\": \"CHG-1\", \"environment\": \"staging\", \"status\":"
            + " \"succeeded\", \"version\": \"1.4.2\", \"pipeline\": {\"provider\": \"gitlab\", \"run\": \"981\","
            + " \"url\": \"https://ci.example/pipelines/981\"}}";

    @Test
    @DisplayName("a successful deployment of a change not yet approved is recorded as unauthorized, escalated once, and moves nothing")
    void unapprovedChange() {
        gate.requestNormalChange();

        var response = gate.post("/api/v1/deployments", token, "d-early", UNAPPROVED);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var body = json(response);
        assertThat(body.get("authorized").getAsBoolean()).isFalse();
        assertThat(body.get("reason").getAsString()).contains("CHG-1", "waiting for approval");
        assertThat(body.get("change_state").getAsString()).isEqualTo("pending approval");
        assertThat(body.get("message").getAsString()).startsWith("Recorded as an unauthorized deployment");
        assertThat(gate.db.rows("SELECT state FROM change_request WHERE number = 1").get(0))
                .containsEntry("state", "PENDING_APPROVAL");
        assertThat(gate.db.rows("SELECT change_number, environment, status, covered, version, pipeline_url,"
                + " reported_by, source FROM deployment")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("change_number", 1L).containsEntry("environment", "staging")
                .containsEntry("status", "succeeded").containsEntry("covered", false).containsEntry("version", "1.4.2")
                .containsEntry("pipeline_url", "https://ci.example/pipelines/981").containsEntry("reported_by", "ci")
                .containsEntry("source", "api"));
        assertThat(gate.db.rows("SELECT actor_id, details::text AS d FROM audit_note WHERE kind = 'UnauthorizedDeployment'"))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("actor_id", "ci");
                    assertThat(row.get("d").toString()).contains("CHG-1", "staging", "1.4.2", "waiting for approval");
                });

        var again = gate.post("/api/v1/deployments", token, "d-early", UNAPPROVED);
        assertThat(json(again)).as("a retry gets the first answer").isEqualTo(body);
        assertThat(gate.db.count("deployment")).isEqualTo(1);

        // The change's own message went to that channel a moment ago: Slack's one post a second per channel.
        gate.clock.advance(Duration.ofSeconds(2));
        gate.app.deliverOutbox();
        var escalations = gate.slack.calls("chat.postMessage").stream()
                .filter(call -> call.param("text").contains("Unauthorized deployment")).toList();
        assertThat(escalations).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).as("the policy's API channel: it names no escalation channel")
                    .isEqualTo(GateFixture.CHANNEL);
            assertThat(call.param("text")).contains("staging", "reported by ci", "version 1.4.2",
                    "<https://ci.example/pipelines/981|pipeline run>", "CHG-1");
        });
    }

    @Test
    @DisplayName("the month's evidence pack lists the unauthorized deployment among its exceptions")
    void inTheEvidencePack() throws IOException {
        gate.requestNormalChange();
        gate.post("/api/v1/deployments", token, "d-early", UNAPPROVED);
        var export = gate.app.bean(ExportEvidence.class);
        var period = ((PeriodReading.Read) export.period("2026-03")).period();

        var pack = export.export(FakeSlackApi.TEAM_ID, GateFixture.ADMIN, period);

        var exceptions = EvidenceScenario.csv(EvidenceScenario.unzip(pack.zip()).get("exceptions.csv"));
        assertThat(exceptions).singleElement().satisfies(row -> {
            assertThat(row.toMap()).containsEntry("change", "CHG-1").containsEntry("kind", "unauthorized deployment")
                    .containsEntry("at", "2026-03-10T10:00:00Z").containsEntry("by", "ci (api)");
            assertThat(row.get("detail")).contains("staging: CHG-1 is still waiting for approval", "version 1.4.2",
                    "https://ci.example/pipelines/981");
        });
        assertThat(pack.summary().exceptions()).isEqualTo(1);
    }

    @Test
    @DisplayName("a deployment that names neither check nor change is unauthorized unless an allowed check of its commit covers it")
    void byCommit() {
        var uncovered = gate.post("/api/v1/deployments", token, "d-commit", "{\"service\": \"web\", \"environment\":"
                + " \"production\", \"sha\": \"ffee00112233\", \"status\": \"succeeded\"}");
        assertThat(uncovered.statusCode()).as(uncovered.body()).isEqualTo(201);
        assertThat(json(uncovered).get("authorized").getAsBoolean()).isFalse();
        assertThat(json(uncovered).get("change").isJsonNull()).isTrue();
        assertThat(json(uncovered).get("reason").getAsString()).contains("no change", "ffee00112233");

        var check = gate.postCheck(token, "k-pre", GateCheckFlowTest.PRE_APPROVED);
        assertThat(state(check)).isEqualTo("allowed");
        var covered = gate.post("/api/v1/deployments", token, "d-covered", "{\"service\": \"web\", \"environment\":"
                + " \"production\", \"sha\": \"0A1B2C3D4E5F\", \"status\": \"succeeded\"}");
        assertThat(json(covered).get("authorized").getAsBoolean()).as(covered.body()).isTrue();
        assertThat(json(covered).get("change").getAsString()).isEqualTo("CHG-1");
        assertThat(gate.db.rows("SELECT state FROM change_request WHERE number = 1").get(0))
                .as("deployed as the buttons would move it").containsEntry("state", "IN_PROGRESS");
        assertThat(gate.db.rows("SELECT covered, check_id IS NOT NULL AS by_check FROM deployment ORDER BY id"))
                .extracting(row -> row.get("covered") + "/" + row.get("by_check")).containsExactly("false/false", "true/true");
        assertThat(gate.db.count("audit_note WHERE kind = 'UnauthorizedDeployment'")).isEqualTo(1);
        var change = json(gate.get("/api/v1/changes/CHG-1", token));
        assertThat(change.getAsJsonArray("deployments")).singleElement().satisfies(deployment -> {
            var recorded = deployment.getAsJsonObject();
            assertThat(recorded.get("environment").getAsString()).isEqualTo("production");
            assertThat(recorded.get("status").getAsString()).isEqualTo("succeeded");
            assertThat(recorded.get("authorized").getAsBoolean()).isTrue();
            assertThat(recorded.get("reported_by").getAsString()).isEqualTo("ci");
        });
    }

    @Test
    @DisplayName("a deployment through a check still pending is unauthorized, naming the check and what it waits for")
    void throughPendingCheck() {
        gate.requestNormalChange();
        var check = gate.postCheck(token, "k-1", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}");
        assertThat(state(check)).isEqualTo("pending");

        var response = gate.post("/api/v1/deployments", token, "d-1", "{\"check\": \"" + GateFixture.id(check)
                + "\", \"status\": \"succeeded\"}");

        assertThat(json(response).get("authorized").getAsBoolean()).isFalse();
        assertThat(json(response).get("reason").getAsString()).contains(GateFixture.id(check), "pending");
        assertThat(gate.db.count("audit_note WHERE kind = 'UnauthorizedDeployment'")).isEqualTo(1);
    }

    @Test
    @DisplayName("a deployment that only started is recorded as not covered, but only a success counts and is escalated")
    void startedIsNotEscalated() {
        gate.requestNormalChange();

        HttpResponse<String> response = gate.post("/api/v1/deployments", token, "d-start", "{\"change\": \"CHG-1\","
                + " \"environment\": \"staging\", \"status\": \"started\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("authorized").getAsBoolean()).isFalse();
        assertThat(json(response).get("message").getAsString()).contains("recorded, not covered");
        assertThat(gate.db.count("deployment")).isEqualTo(1);
        assertThat(gate.db.count("audit_note WHERE kind = 'UnauthorizedDeployment'")).isZero();
        assertThat(gate.db.count("slack_notice")).isZero();
    }
}
