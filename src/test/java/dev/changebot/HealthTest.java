package dev.changebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GET /health reports the database, the scheduler and the Slack connection. */
class HealthTest {

    @Test
    @DisplayName("with Slack configured: UP, with the database, a clustered scheduler and the bot's identity")
    void reportsEverySubsystem() {
        try (var slack = FakeSlackApi.start(); var app = RunningApp.start(TestPostgres.freshDatabase(), slack)) {
            var response = app.get("/health");

            assertThat(response.statusCode()).isEqualTo(200);
            var health = JsonParser.parseString(response.body()).getAsJsonObject();
            assertThat(health.get("status").getAsString()).isEqualTo("UP");
            var details = health.getAsJsonObject("details");
            assertThat(details.getAsJsonObject("jdbc").get("status").getAsString()).isEqualTo("UP");
            var scheduler = details.getAsJsonObject("scheduler");
            assertThat(scheduler.get("status").getAsString()).isEqualTo("UP");
            assertThat(scheduler.getAsJsonObject("details").get("clustered").getAsBoolean()).isTrue();
            var slackHealth = details.getAsJsonObject("slack");
            assertThat(slackHealth.get("status").getAsString()).isEqualTo("UP");
            assertThat(slackHealth.getAsJsonObject("details").get("mode").getAsString()).isEqualTo("http");
            assertThat(slackHealth.getAsJsonObject("details").get("botUser").getAsString()).isEqualTo("changebot");
        }
    }

    @Test
    @DisplayName("without Slack credentials and with the sandbox off, the app still starts, serves HTTP and says what is missing")
    void startsWithoutSlack() {
        var properties = new java.util.HashMap<String, Object>(TestPostgres.freshDatabase().properties());
        properties.put("changebot.sandbox.enabled", "false");
        try (var app = RunningApp.startWith(properties)) {
            var health = JsonParser.parseString(app.get("/health").body()).getAsJsonObject();

            assertThat(health.get("status").getAsString()).isEqualTo("UP");
            var slack = health.getAsJsonObject("details").getAsJsonObject("slack").getAsJsonObject("details");
            assertThat(slack.get("mode").getAsString()).isEqualTo("disabled");
            assertThat(slack.get("message").getAsString()).contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET");
            assertThat(app.post("/slack/events", "{}", java.util.Map.of("Content-Type", "application/json"))
                    .statusCode()).isEqualTo(503);
        }
    }

    @Test
    @DisplayName("without Slack credentials the sandbox plays Slack: health reports it, and /slack/events checks signatures")
    void startsWithTheSandboxWithoutSlack() {
        try (var app = RunningApp.startWith(new java.util.HashMap<>(TestPostgres.freshDatabase().properties()))) {
            var health = JsonParser.parseString(app.get("/health").body()).getAsJsonObject();

            assertThat(health.get("status").getAsString()).isEqualTo("UP");
            var slack = health.getAsJsonObject("details").getAsJsonObject("slack");
            assertThat(slack.get("status").getAsString()).isEqualTo("UP");
            assertThat(slack.getAsJsonObject("details").get("mode").getAsString()).isEqualTo("sandbox");
            assertThat(slack.getAsJsonObject("details").get("team").getAsString()).isEqualTo("Sandbox");
            // The route is live, and as strict as with Slack: an unsigned request is refused.
            assertThat(app.post("/slack/events", "{}", java.util.Map.of("Content-Type", "application/json"))
                    .statusCode()).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("Slack being down does not stop the app from starting; health says Slack is unreachable")
    void startsWhileSlackIsDown() {
        var db = TestPostgres.freshDatabase();
        var properties = new java.util.HashMap<String, Object>(db.properties());
        properties.put("slack.bot-token", RunningApp.BOT_TOKEN);
        properties.put("slack.signing-secret", RunningApp.SIGNING_SECRET);
        properties.put("slack.api-url", "http://127.0.0.1:9");
        try (var app = RunningApp.startWith(properties)) {
            var health = JsonParser.parseString(app.get("/health").body()).getAsJsonObject();

            var slack = health.getAsJsonObject("details").getAsJsonObject("slack");
            assertThat(slack.get("status").getAsString()).isEqualTo("UNKNOWN");
            assertThat(slack.getAsJsonObject("details").get("problem").getAsString()).contains("unreachable");
        }
    }

    @Test
    @DisplayName("a bot token alone: health names the missing variable, and does not blame Slack's reachability")
    void botTokenAlone() {
        var properties = new java.util.HashMap<String, Object>(TestPostgres.freshDatabase().properties());
        properties.put("slack.bot-token", RunningApp.BOT_TOKEN);
        properties.put("slack.api-url", "http://127.0.0.1:9");
        try (var app = RunningApp.startWith(properties)) {
            var slack = JsonParser.parseString(app.get("/health").body()).getAsJsonObject()
                    .getAsJsonObject("details").getAsJsonObject("slack").getAsJsonObject("details");

            assertThat(slack.get("mode").getAsString()).isEqualTo("disabled");
            assertThat(slack.get("message").getAsString())
                    .contains("SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN").doesNotContain("unreachable");
        }
    }

    @Test
    @DisplayName("Socket Mode with a host name that does not resolve says so, not that the token is invalid")
    void socketModeUnknownHost() {
        var properties = new java.util.HashMap<String, Object>(TestPostgres.freshDatabase().properties());
        properties.put("slack.bot-token", RunningApp.BOT_TOKEN);
        properties.put("slack.app-token", "xapp-test-token");
        properties.put("slack.api-url", "http://no-such-host.invalid");
        try (var app = RunningApp.startWith(properties)) {
            var slack = JsonParser.parseString(app.get("/health").body()).getAsJsonObject()
                    .getAsJsonObject("details").getAsJsonObject("slack");

            assertThat(slack.get("status").getAsString()).isEqualTo("UNKNOWN");
            assertThat(slack.getAsJsonObject("details").get("problem").getAsString())
                    .contains("unreachable", "does not resolve", "no-such-host.invalid")
                    .doesNotContainIgnoringCase("token is invalid");
        }
    }
}
