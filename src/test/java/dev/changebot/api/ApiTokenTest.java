package dev.changebot.api;

import static dev.changebot.api.GateFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.token.TokenText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 14, API tokens: made in Slack by the policy's token admins, shown once, kept as a hash, scoped, revocable. */
@Timeout(120)
class ApiTokenTest {

    final GateFixture gate = new GateFixture();

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    @DisplayName("a token admin creates a token in Slack: shown once, only its hash stored, the creation recorded")
    void createdShownOnceStoredAsHash() {
        var text = gate.token("ci web staging");

        assertThat(text).startsWith("cbt_");
        var rows = gate.db.rows("SELECT * FROM api_token");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("name", "ci").containsEntry("token_hash", TokenText.hash(text))
                .containsEntry("created_by", GateFixture.ADMIN);
        assertThat(rows.get(0).toString()).doesNotContain(text);
        var notes = gate.db.rows("SELECT kind, actor_id, details::text AS details FROM audit_note WHERE kind LIKE 'ApiToken%'");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).containsEntry("kind", "ApiTokenCreated").containsEntry("actor_id", GateFixture.ADMIN);
        assertThat(notes.get(0).get("details").toString()).contains("\"ci\"", "web", "staging")
                .doesNotContain(text).doesNotContain(TokenText.hash(text));
        assertThat(gate.say(GateFixture.ADMIN, "token list")).contains("`ci`", "services: web", "environments: staging",
                "last used never").doesNotContain(text);
    }

    @Test
    @DisplayName("someone without a token admin role is refused and nothing is stored")
    void othersRefused() {
        var reply = gate.say(GateFixture.REVIEWER, "token create ci");

        assertThat(reply).contains("Only platform may manage API tokens").doesNotContain("cbt_");
        assertThat(gate.db.count("api_token")).isZero();
        assertThat(gate.say(GateFixture.REVIEWER, "token revoke ci")).contains("Only platform");
    }

    @Test
    @DisplayName("a wrong or missing token is 401 with a JSON error, and nothing is recorded")
    void wrongTokenUnauthorized() {
        gate.token("ci");
        var body = "{\"service\": \"web\", \"environment\": \"production\", \"sha\": \"abc1234\"}";

        var missing = gate.postCheck(null, "k1", body);
        var wrong = gate.postCheck("cbt_" + "A".repeat(43), "k1", body);
        var garbage = gate.postCheck("not-a-token", "k1", body);

        for (var response : java.util.List.of(missing, wrong, garbage)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("error").getAsString()).isEqualTo("unauthorized");
        }
        assertThat(gate.db.count("gate_check")).isZero();
        assertThat(gate.db.count("change_request")).isZero();
    }

    @Test
    @DisplayName("a revoked token is refused from then on; the revocation is recorded and listed")
    void revokedTokenUnauthorized() {
        var text = gate.token("ci");
        var body = "{\"service\": \"web\", \"environment\": \"production\", \"sha\": \"abc1234\"}";
        assertThat(gate.postCheck(text, "k1", body).statusCode()).isEqualTo(201);
        assertThat(gate.say(GateFixture.ADMIN, "token list")).doesNotContain("last used never");

        assertThat(gate.say(GateFixture.ADMIN, "token revoke ci")).contains("Revoked the API token `ci`");

        var refused = gate.postCheck(text, "k2", body);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(gate.db.count("gate_check")).isEqualTo(1);
        assertThat(gate.db.rows("SELECT kind FROM audit_note WHERE kind = 'ApiTokenRevoked'")).hasSize(1);
        assertThat(gate.say(GateFixture.ADMIN, "token list")).contains("*revoked*");
        assertThat(gate.say(GateFixture.ADMIN, "token revoke ci")).contains("No live token is named `ci`");
    }

    @Test
    @DisplayName("a token used outside its services or environments is 403, and nothing is recorded")
    void outOfScopeForbidden() {
        var text = gate.token("ci web staging");

        var otherEnvironment = gate.postCheck(text, "k1", "{\"service\": \"web\", \"environment\": \"production\","
                + " \"sha\": \"abc1234\"}");
        var otherService = gate.postCheck(text, "k2", "{\"service\": \"api\", \"environment\": \"staging\","
                + " \"sha\": \"abc1234\"}");

        assertThat(otherEnvironment.statusCode()).isEqualTo(403);
        assertThat(otherService.statusCode()).isEqualTo(403);
        assertThat(json(otherService).get("error").getAsString()).isEqualTo("out_of_scope");
        assertThat(json(otherService).get("message").getAsString()).contains("services: web; environments: staging");
        assertThat(gate.db.count("gate_check")).isZero();
        assertThat(gate.db.count("change_request")).isZero();
        assertThat(gate.db.count("deployment")).isZero();
        assertThat(gate.db.rows("SELECT last_used_at FROM api_token").get(0).get("last_used_at"))
                .as("a refused call is not a use").isNull();

        var allowed = gate.postCheck(text, "k3", "{\"service\": \"web\", \"environment\": \"staging\","
                + " \"sha\": \"abc1234\"}");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);
        assertThat(gate.db.rows("SELECT last_used_at FROM api_token").get(0).get("last_used_at")).isNotNull();
    }

    @Test
    @DisplayName("a read-only token reads the reports and checks but opens no gate check and reports no deployment")
    void readOnlyToken() {
        var reply = gate.say(GateFixture.ADMIN, "token create grafana read-only");
        assertThat(reply).contains("read only");
        var matcher = java.util.regex.Pattern.compile("cbt_[A-Za-z0-9_-]{43}").matcher(reply);
        assertThat(matcher.find()).as(reply).isTrue();
        var text = matcher.group();

        var check = gate.postCheck(text, "k1", "{\"service\": \"web\", \"environment\": \"staging\","
                + " \"sha\": \"abc1234\"}");
        var deployment = gate.post("/api/v1/deployments", text, "d1", "{\"service\": \"web\", \"environment\":"
                + " \"staging\", \"sha\": \"abc1234\", \"status\": \"succeeded\"}");

        assertThat(check.statusCode()).isEqualTo(403);
        assertThat(json(check).get("error").getAsString()).isEqualTo("read_only_token");
        assertThat(deployment.statusCode()).isEqualTo(403);
        assertThat(json(deployment).get("error").getAsString()).isEqualTo("read_only_token");
        assertThat(gate.db.count("gate_check")).isZero();
        assertThat(gate.db.count("deployment")).isZero();
        var report = gate.get("/api/v1/metrics/dora?from=2026-03-01&to=2026-03-09", text);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(gate.say(GateFixture.ADMIN, "token list")).contains("grafana", "read only");
        assertThat(gate.db.rows("SELECT details::text AS d FROM audit_note WHERE kind = 'ApiTokenCreated'").get(0)
                .get("d").toString()).contains("\"read_only\": true");
    }

    @Test
    @DisplayName("a second live token of the same name is refused; the text of the first still works")
    void namesAreUnique() {
        gate.token("ci");

        assertThat(gate.say(GateFixture.ADMIN, "token create ci")).contains("already named `ci`").doesNotContain("cbt_");
        assertThat(gate.db.count("api_token")).isEqualTo(1);
    }
}
