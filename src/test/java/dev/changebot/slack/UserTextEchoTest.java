package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a person typed and we say back to them is shown as typed: never a live broadcast, group ping or link. */
@Timeout(60)
class UserTextEchoTest {

    static final String CHANNEL = "C0INCIDENT";
    static final String ALICE = "U0ALICE";

    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of("changebot.policy", SlackLimitsTest.POLICY),
            new MutableClock(Instant.parse("2026-03-03T10:00:00Z")));

    @BeforeEach
    void anEmergency() {
        say("emergency Roll back the bad config");
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("/change satisfy CHG-n <!here> echoes &lt;!here&gt;, not a broadcast to the channel")
    void satisfyEchoesABroadcastAsText() {
        var echo = say("satisfy CHG-1 <!here>");

        assertThat(echo).contains("owes no '&lt;!here&gt;'").doesNotContain("<!here>");
    }

    @Test
    @DisplayName("a user group mention and a disguised link come back as text too")
    void satisfyEchoesGroupsAndLinksAsText() {
        assertThat(say("satisfy CHG-1 <!subteam^S0ONCALL|@oncall>"))
                .contains("&lt;!subteam^S0ONCALL|@oncall&gt;").doesNotContain("<!subteam");
        assertThat(say("satisfy CHG-1 <https://evil.example/login|sso>"))
                .contains("&lt;https://evil.example/login|sso&gt;").doesNotContain("<https://");
    }

    @Test
    @DisplayName("what the person typed as text (Slack sends it escaped) stays text")
    void satisfyEchoesTypedBracketsAsText() {
        assertThat(say("satisfy CHG-1 &lt;!channel&gt;")).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    }

    @Test
    @DisplayName("an unknown word, environment or freeze option is echoed as text, and cut")
    void otherEchoes() {
        assertThat(say("<!here>")).doesNotContain("<!here>");
        assertThat(say("freeze <!channel>")).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(say("freeze start x until <!here>" + "y".repeat(500))).doesNotContain("<!here>").contains("…`.");
        assertThat(say("deployed CHG-1 <!everyone>")).doesNotContain("<!everyone>");
    }

    private String say(String text) {
        var response = app.slack(SlashCommandsAccess.of(ALICE, CHANNEL, text), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString();
    }
}
