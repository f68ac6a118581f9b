package dev.changebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.token.TokenText;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `token create|list|revoke` from the jar, on the bot's real database; the token it prints works against the app. */
@Timeout(120)
class TokenCliTest {

    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("create prints the token once (hash only in the database), list shows it, revoke ends it")
    void createListRevoke() throws Exception {
        var created = run("token", "create", "deploy-web", "web", "production");

        assertThat(created.exit()).as(created.err()).isZero();
        var text = created.out().strip();
        assertThat(TokenText.looksLikeOne(text)).as(text).isTrue();
        assertThat(created.err()).contains("shown only this once");
        assertThat(db.rows("SELECT token_hash, services::text AS s, environments::text AS e FROM api_token").get(0))
                .containsEntry("token_hash", TokenText.hash(text)).containsEntry("s", "{web}")
                .containsEntry("e", "{production}");
        assertThat(db.rows("SELECT kind FROM audit_note WHERE kind = 'ApiTokenCreated'")).hasSize(1);
        assertThat(checkWith(text).statusCode()).as("the app knows the token").isNotEqualTo(401);

        var listed = run("token", "list");
        assertThat(listed.out()).contains("deploy-web", "services: web; environments: production", "last used ")
                .doesNotContain(text);

        assertThat(run("token", "revoke", "deploy-web").exit()).isZero();
        assertThat(checkWith(text).statusCode()).isEqualTo(401);
        assertThat(run("token", "list").out()).contains("revoked");
        assertThat(db.rows("SELECT kind FROM audit_note WHERE kind = 'ApiTokenRevoked'")).hasSize(1);
    }

    @Test
    @DisplayName("create read-only makes a token that only reads; list says so")
    void readOnly() throws Exception {
        var created = run("token", "create", "grafana", "read-only");

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(db.rows("SELECT read_only, services::text AS s FROM api_token").get(0)).containsEntry("read_only", true)
                .containsEntry("s", "{}");
        assertThat(run("token", "list").out()).contains("grafana", "services: any; environments: any; read only");
        assertThat(checkWith(created.out().strip()).statusCode()).as("known to the app, and a read-only token reads checks")
                .isEqualTo(404);
    }

    @Test
    @DisplayName("a taken name, a bad name, or an unknown token is exit 2 with the reason")
    void refusals() {
        assertThat(run("token", "create", "ci").exit()).isZero();

        var taken = run("token", "create", "ci");
        assertThat(taken.exit()).isEqualTo(2);
        assertThat(taken.err()).contains("already named ci");
        assertThat(taken.out()).doesNotContain("cbt_");
        assertThat(run("token", "create", "Bad Name!").exit()).isEqualTo(2);
        assertThat(run("token", "revoke", "nobody").err()).contains("No live token is named nobody");
        assertThat(db.count("api_token")).isEqualTo(1);
    }

    private HttpResponse<String> checkWith(String token) throws Exception {
        var request = HttpRequest.newBuilder(app.uri("/api/v1/gate/checks/gc_none"))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private ChangebotCommandRun run(String... words) {
        var args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--db", db.url(), "--db-user", db.user(), "--db-password", db.password(),
                "--workspace", FakeSlackApi.TEAM_ID));
        return ChangebotCommandRun.of(args.toArray(String[]::new));
    }

    record ChangebotCommandRun(int exit, String out, String err) {
        static ChangebotCommandRun of(String... args) {
            var out = new StringWriter();
            var err = new StringWriter();
            int exit = ChangebotCommand.run(new PrintWriter(out), new PrintWriter(err), args);
            return new ChangebotCommandRun(exit, out.toString(), err.toString());
        }
    }
}
