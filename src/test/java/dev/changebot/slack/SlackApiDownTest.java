package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What needs no Slack Web API call keeps working while Slack's API cannot be reached. */
class SlackApiDownTest {

    @Test
    @Timeout(60)
    @DisplayName("Slack's API unreachable: /change help and /change list are still answered, in time, with no error")
    void commandsAnsweredWhileSlackApiIsDown() {
        var properties = new HashMap<String, Object>(TestPostgres.freshDatabase().properties());
        properties.put("slack.bot-token", RunningApp.BOT_TOKEN);
        properties.put("slack.signing-secret", RunningApp.SIGNING_SECRET);
        properties.put("slack.api-url", "http://127.0.0.1:9");
        properties.put("changebot.policy", RunningApp.TEST_POLICY);
        try (var app = RunningApp.startWith(properties)) {
            for (var text : new String[] {"help", "list", "help"}) {
                long started = System.nanoTime();
                var response = app.slack(SlashCommands.of("U0DEV", "C0DEPLOYS", text), SlackPayloads.FORM);

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                var reply = JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
                assertThat(reply).isNotBlank().doesNotContain("Exception");
            }
        }
    }
}
