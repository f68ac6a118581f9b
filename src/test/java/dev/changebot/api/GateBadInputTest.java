package dev.changebot.api;

import static dev.changebot.api.GateFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.token.TokenText;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Every error of /api/v1 is {"error", "message"} in our words, and leaves nothing half-written. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateBadInputTest {

    GateFixture gate;
    String token;

    @BeforeAll
    void start() {
        gate = new GateFixture();
        token = gate.token("ci");
        gate.requestNormalChange();
    }

    @AfterAll
    void stop() {
        gate.close();
    }

    @Test
    @DisplayName("malformed JSON is 400")
    void malformedJson() {
        assertError(gate.postCheck(token, "k", "{\"change\": "), 400, "malformed_json");
        assertError(gate.postCheck(token, "k", "[1, 2]"), 400, "malformed_json");
        assertError(gate.postCheck(token, "k", "{\"environment\": \"staging\"} trailing"), 400, "malformed_json");
    }

    @Test
    @DisplayName("an unknown field is 400 and named, also inside pipeline")
    void unknownField() {
        var response = gate.postCheck(token, "k", "{\"change\": \"CHG-1\", \"environment\": \"staging\", \"enviroment\": 1}");
        assertError(response, 400, "unknown_field");
        assertThat(message(response)).contains("'enviroment'");
        var nested = gate.postCheck(token, "k", "{\"change\": \"CHG-1\", \"environment\": \"staging\","
                + " \"pipeline\": {\"runner\": \"x\"}}");
        assertThat(message(nested)).contains("'pipeline.runner'");
    }

    @Test
    @DisplayName("a body over 64 KiB is 413")
    void oversize() {
        var big = "{\"change\": \"CHG-1\", \"environment\": \"staging\", \"ref\": \"" + "x".repeat(70 * 1024) + "\"}";
        assertError(gate.postCheck(token, "k", big), 413, "too_large");
    }

    @Test
    @DisplayName("a missing Idempotency-Key is 422, saying why it is needed")
    void missingIdempotencyKey() {
        var response = gate.postCheck(token, null, "{\"change\": \"CHG-1\", \"environment\": \"staging\"}");
        assertError(response, 422, "idempotency_key_missing");
        assertThat(message(response)).contains("retried request");
    }

    @Test
    @DisplayName("an environment not in the policy is 422, listing the policy's")
    void unknownEnvironment() {
        var response = gate.postCheck(token, "k", "{\"change\": \"CHG-1\", \"environment\": \"prod\"}");
        assertError(response, 422, "unknown_environment");
        assertThat(message(response)).contains("staging, production");
    }

    @Test
    @DisplayName("a sha that is not hexadecimal is 422")
    void nonHexSha() {
        assertError(gate.postCheck(token, "k", "{\"service\": \"web\", \"environment\": \"production\","
                + " \"sha\": \"not-a-sha!\"}"), 422, "invalid_sha");
    }

    @Test
    @DisplayName("a change of another workspace is 404, as if unknown")
    void otherWorkspace() {
        var other = "cbt_" + "B".repeat(43);
        gate.db.rows("INSERT INTO api_token (workspace_id, name, token_hash, created_by, created_at)"
                + " VALUES ('T0OTHER', 'other', ?, 'cli:test', now()) RETURNING id", TokenText.hash(other));

        assertError(gate.postCheck(other, "k", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}"), 404, "not_found");
        assertError(gate.postCheck(token, "k", "{\"change\": \"CHG-99\", \"environment\": \"staging\"}"), 404, "not_found");
        assertError(gate.get("/api/v1/changes/CHG-1", other), 404, "not_found");
    }

    @Test
    @DisplayName("an unknown route, a wrong method and a check of nobody's are JSON errors without Micronaut's body")
    void defaultsDoNotLeak() {
        var unknown = gate.get("/api/v1/nothing-here", token);
        assertError(unknown, 404, "not_found");
        assertThat(unknown.body()).doesNotContain("_links", "_embedded", "io.micronaut");
        var noCheck = gate.get("/api/v1/gate/checks/gc_nope", token);
        assertError(noCheck, 404, "not_found");
        var wrongMethod = gate.post("/api/v1/changes/CHG-1", token, "k", "{}");
        assertThat(wrongMethod.statusCode()).isIn(404, 405);
        assertThat(wrongMethod.body()).doesNotContain("_links", "io.micronaut");
        assertThat(json(wrongMethod).has("error")).isTrue();
    }

    @Test
    @DisplayName("a wait that is not a number of seconds is 422")
    void badWait() {
        var check = gate.postCheck(token, "k-wait", "{\"change\": \"CHG-1\", \"environment\": \"staging\"}");
        assertError(gate.get("/api/v1/gate/checks/" + GateFixture.id(check) + "?wait=soon", token), 422, "invalid_wait");
    }

    @Test
    @DisplayName("a deployment naming no check and no environment is 422, and nothing is kept")
    void deploymentWithoutTarget() {
        var response = gate.post("/api/v1/deployments", token, "d-nowhere", "{\"change\": \"CHG-1\", \"status\":"
                + " \"succeeded\"}");
        assertError(response, 422, "missing_field");
        assertThat(message(response)).contains("'environment'");
        assertThat(gate.db.count("deployment_report")).isZero();
        assertThat(gate.db.count("deployment")).isZero();
        // A deployment of a change not approved is no error: it is recorded as unauthorized (UnauthorizedDeploymentTest).
    }

    @Test
    @DisplayName("the OpenAPI description is served without a token")
    void openApi() {
        var response = gate.get("/api/v1/openapi.yaml", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("openapi: 3", "/gate/checks", "/deployments");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        var body = json(response);
        assertThat(body.keySet()).containsExactlyInAnyOrder("error", "message");
        assertThat(body.get("error").getAsString()).isEqualTo(code);
        assertThat(body.get("message").getAsString()).doesNotContain("Exception", "dev.changebot");
    }

    private static String message(HttpResponse<String> response) {
        return json(response).get("message").getAsString();
    }
}
