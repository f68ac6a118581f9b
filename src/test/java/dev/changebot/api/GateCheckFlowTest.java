package dev.changebot.api;

import static dev.changebot.api.GateFixture.id;
import static dev.changebot.api.GateFixture.json;
import static dev.changebot.api.GateFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 14, the gate: checks decided at once, pending ones settled by what happens next, long-polls answered then. */
@Timeout(180)
class GateCheckFlowTest extends WithCiToken {

    static final String PRE_APPROVED = "{\"service\": \"web\", \"environment\": \"production\", \"sha\": \"0a1b2c3d4e5f\","
            + " \"ref\": \"main\", \"pipeline\": {\"provider\": \"github\", \"id\": \"deploy.yml\", \"run\": 4242,"
            + " \"attempt\": 1, \"url\": \"https://ci.example/runs/4242\"}, \"actor\": \"octocat\"}";


    @Test
    @DisplayName("a pre-approved deploy inside its window is allowed at once, and leaves a full change record")
    void preApprovedAllowedInWindow() {
        var response = gate.postCheck(token, "github:4242:1:production", PRE_APPROVED);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/gate/checks/" + id(response));
        var body = json(response);
        assertThat(body.get("state").getAsString()).isEqualTo("allowed");
        assertThat(body.get("change").getAsString()).isEqualTo("CHG-1");
        assertThat(body.get("next_open").isJsonNull()).isTrue();
        assertThat(body.getAsJsonArray("reasons").get(0).getAsJsonObject().get("code").getAsString()).isEqualTo("approved");
        var change = gate.db.rows("SELECT requester_id, state, class_name, description, origin_channel_id FROM change_request").get(0);
        assertThat(change).containsEntry("requester_id", "api:ci").containsEntry("state", "APPROVED")
                .containsEntry("class_name", "standard").containsEntry("origin_channel_id", GateFixture.CHANNEL);
        assertThat(change.get("description").toString()).contains("octocat", "github", "0a1b2c3d4e5f", "main");
        assertThat(gate.db.rows("SELECT kind, details::text AS d FROM audit_note WHERE kind = 'GateCheckAllowed'"))
                .singleElement().satisfies(row -> assertThat(row.get("d").toString()).contains("CHG-1", "production"));
        gate.app.deliverOutbox();
        assertThat(gate.slack.calls("chat.postMessage")).anySatisfy(call -> {
            assertThat(call.param("channel")).isEqualTo(GateFixture.CHANNEL);
            assertThat(call.blocks().toString()).as("the change's message links the pipeline run")
                    .contains("Pipeline: <https://ci.example/runs/4242|github run 4242>");
        });
        var link = gate.get(body.getAsJsonObject("links").get("change").getAsString(), token);
        assertThat(json(link).get("state").getAsString()).isEqualTo("approved");
    }

    @Test
    @DisplayName("outside its window a pre-approved deploy is pending with next_open, and allowed once the window opens")
    void preApprovedPendingUntilWindowOpens() {
        gate.clock.set(Instant.parse("2026-03-10T18:00:00Z"));

        var response = gate.postCheck(token, "k-window", PRE_APPROVED);

        assertThat(state(response)).isEqualTo("pending");
        assertThat(json(response).get("next_open").getAsString()).isEqualTo("2026-03-11T09:00:00Z");
        assertThat(json(response).getAsJsonArray("reasons").toString()).contains("outside_window");
        gate.clock.set(Instant.parse("2026-03-11T09:00:00Z"));
        // Any commit also wakes the settler's own thread, which may get there first: either way it is settled now.
        gate.settle();
        assertThat(state(gate.get("/api/v1/gate/checks/" + id(response), token))).isEqualTo("allowed");
    }

    @Test
    @DisplayName("during a declared freeze a pre-approved deploy is pending; lifting the freeze answers the long-poll")
    void pendingDuringFreezeThenAllowed() throws Exception {
        assertThat(gate.say(GateFixture.ADMIN, "freeze start Launch day")).contains("Freeze declared");

        var response = gate.postCheck(token, "k-freeze", PRE_APPROVED);
        assertThat(state(response)).isEqualTo("pending");
        assertThat(json(response).getAsJsonArray("reasons").toString()).contains("\"freeze\"", "override_possible");
        var poll = gate.longPoll(id(response), token, 60);

        gate.say(GateFixture.ADMIN, "freeze end");

        var answer = poll.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(state(answer)).isEqualTo("allowed");
    }

    @Test
    @DisplayName("a normal change's check is pending until the approval in Slack, then the long-poll returns promptly")
    void pendingUntilApproved() throws Exception {
        gate.requestNormalChange();
        var response = gate.postCheck(token, "k-approve", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}");
        assertThat(state(response)).isEqualTo("pending");
        assertThat(json(response).getAsJsonArray("reasons").get(0).getAsJsonObject().get("text").getAsString())
                .contains("waiting for approval", "Review");
        var poll = gate.longPoll(id(response), token, 60);
        assertThat(poll).isNotDone();

        var clicked = System.nanoTime();
        gate.clickApprove(GateFixture.REVIEWER, 1);

        var answer = poll.get(20, TimeUnit.SECONDS);
        assertThat(state(answer)).isEqualTo("allowed");
        assertThat(Duration.ofNanos(System.nanoTime() - clicked)).isLessThan(Duration.ofSeconds(2));
        assertThat(gate.db.rows("SELECT state, settled_at FROM gate_check").get(0)).containsEntry("state", "allowed");
    }

    @Test
    @DisplayName("a long-poll here is answered when another node settled the check, at this node's next pass")
    void settledElsewhereAnswersWaiters() throws Exception {
        gate.requestNormalChange();
        var response = gate.postCheck(token, "k-elsewhere", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}");
        var poll = gate.longPoll(id(response), token, 60);

        // What another node's settler writes; this node never saw the check pending-then-settled itself.
        gate.db.rows("UPDATE gate_check SET state = 'allowed', settled_at = now() WHERE public_id = ? RETURNING id",
                id(response));
        gate.settle();

        var answer = poll.get(20, TimeUnit.SECONDS);
        assertThat(state(answer)).isEqualTo("allowed");
    }

    @Test
    @DisplayName("a rejection in Slack prevents the pending check")
    void rejectedPrevented() throws Exception {
        gate.requestNormalChange();
        var response = gate.postCheck(token, "k-reject", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}");
        var poll = gate.longPoll(id(response), token, 60);

        gate.say(GateFixture.REVIEWER, "reject CHG-1 no rollback tested");

        var answer = poll.get(20, TimeUnit.SECONDS);
        assertThat(state(answer)).isEqualTo("prevented");
        assertThat(json(answer).getAsJsonArray("reasons").toString()).contains("rejected", "no rollback tested");
        assertThat(gate.db.rows("SELECT kind FROM audit_note WHERE kind = 'GateCheckPrevented'")).hasSize(1);
    }

    @Test
    @DisplayName("staging reported through the API starts the soak; production is pending until the soak ends")
    void stagingSoakThenProduction() {
        gate.requestNormalChange();
        gate.clickApprove(GateFixture.REVIEWER, 1);

        var report = gate.post("/api/v1/deployments", token, "d-staging", "{\"change\": \"CHG-1\", \"environment\":"
                + " \"staging\", \"status\": \"succeeded\", \"version\": \"1.4.2\"}");

        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
        assertThat(json(report).get("change_state").getAsString()).isEqualTo("soaking");
        assertThat(json(report).get("soak_until").getAsString()).isEqualTo("2026-03-10T10:30:00Z");
        assertThat(gate.db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "SOAKING");
        var production = gate.postCheck(token, "k-prod", "{\"change\": \"CHG-1\", \"environment\": \"production\"}");
        assertThat(state(production)).isEqualTo("pending");
        assertThat(json(production).get("next_open").getAsString()).isEqualTo("2026-03-10T10:30:00Z");
        assertThat(json(production).getAsJsonArray("reasons").toString()).contains("soaking");

        gate.clock.advance(Duration.ofMinutes(30));
        gate.fireDueTimers();
        gate.settle();

        assertThat(state(gate.get("/api/v1/gate/checks/" + id(production), token))).isEqualTo("allowed");
        var again = gate.post("/api/v1/deployments", token, "d-staging", "{\"change\": \"CHG-1\", \"environment\":"
                + " \"staging\", \"status\": \"succeeded\", \"version\": \"1.4.2\"}");
        assertThat(json(again).get("change_state").getAsString()).as("a retry gets the first answer").isEqualTo("soaking");
        assertThat(gate.db.count("deployment_report")).isEqualTo(1);
    }

    @Test
    @DisplayName("production before staging stays pending with the skipped stage named")
    void skippedStagePending() {
        gate.requestNormalChange();
        gate.clickApprove(GateFixture.REVIEWER, 1);

        var production = gate.postCheck(token, "k-skip", "{\"change\": \"CHG-1\", \"environment\": \"production\"}");

        assertThat(state(production)).isEqualTo("pending");
        assertThat(json(production).getAsJsonArray("reasons").toString()).contains("stage_skipped", "staging first");
    }

    @Test
    @DisplayName("a declared emergency is allowed at once, even during a freeze")
    void emergencyAllowedAtOnce() {
        gate.say(GateFixture.ADMIN, "freeze start Launch day");
        assertThat(gate.say("U0IC", "emergency Roll back the bad config")).contains("Declared CHG-1");

        var response = gate.postCheck(token, "k-emergency", "{\"change\": \"CHG-1\", \"environment\": \"production\"}");

        assertThat(state(response)).isEqualTo("allowed");
        assertThat(json(response).getAsJsonArray("reasons").toString()).contains("emergency");
    }

    @Test
    @DisplayName("the same Idempotency-Key again returns the same check, and records nothing more")
    void sameKeySameCheck() {
        var first = gate.postCheck(token, "github:4242:1:production", PRE_APPROVED);
        var second = gate.postCheck(token, "github:4242:1:production", PRE_APPROVED);

        assertThat(id(second)).isEqualTo(id(first));
        assertThat(gate.db.count("gate_check")).isEqualTo(1);
        assertThat(gate.db.count("change_request")).isEqualTo(1);
        assertThat(gate.db.rows("SELECT kind FROM audit_note WHERE kind LIKE 'GateCheck%'")).hasSize(1);
    }

    @Test
    @DisplayName("a deadline that passes while pending prevents the check")
    void deadlinePrevents() {
        gate.requestNormalChange();
        var response = gate.postCheck(token, "k-deadline", "{\"change\": \"CHG-1\", \"environment\": \"staging\","
                + " \"deadline\": \"2026-03-10T11:00:00Z\"}");
        assertThat(state(response)).isEqualTo("pending");

        gate.clock.set(Instant.parse("2026-03-10T11:00:00Z"));
        gate.settle();

        var after = gate.get("/api/v1/gate/checks/" + id(response), token);
        assertThat(state(after)).isEqualTo("prevented");
        assertThat(json(after).getAsJsonArray("reasons").toString()).contains("deadline_passed", "approval_pending");
    }

    @Test
    @DisplayName("a check for a cancelled change is 409 with the reason, and nothing is recorded")
    void cancelledConflict() {
        gate.requestNormalChange();
        gate.say(GateFixture.REQUESTER, "cancel CHG-1");

        var response = gate.postCheck(token, "k-cancelled", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").getAsString()).isEqualTo("cancelled");
        assertThat(json(response).get("message").getAsString()).contains("CHG-1 was cancelled");
        assertThat(gate.db.count("gate_check")).isZero();
    }
}
