package dev.changebot.slack.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.changebot.support.FakeSlackApi;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whether someone is a bot is asked of Slack once, and remembered within a bound. */
@Timeout(30)
class BotUsersTest {

    final FakeSlackApi slack = FakeSlackApi.start();
    final BotUsers users = new BotUsers(new SlackWebApi(Optional.of(client())), 2);

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    @DisplayName("asked once per person while remembered; the one unseen longest is forgotten first")
    void boundedMemory() {
        slack.bot("U0BOT");

        assertThat(users.isBot("U0BOT")).isTrue();
        assertThat(users.isBot("U0ALICE")).isFalse();
        assertThat(users.isBot("U0BOT")).isTrue();
        assertThat(slack.calls("users.info")).as("remembered: asked once each").hasSize(2);

        users.isBot("U0BOB");
        users.isBot("U0BOT");
        users.isBot("U0ALICE");

        assertThat(slack.calls("users.info")).as("Bob pushed Alice out, U0BOT was seen more recently")
                .hasSize(4);
    }

    private com.slack.api.methods.MethodsClient client() {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.baseUrl() + "/api/");
        return Slack.getInstance(config).methods("xoxb-test");
    }
}
