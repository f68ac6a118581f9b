package dev.changebot.slack.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a Slack Web API answer becomes the labels of changebot_slack_api_calls_total: Slack's words only. */
class SlackApiCallsTest {

    @Test
    @DisplayName("ok:true is no error, whatever follows; ok:false names Slack's error code")
    void okAndErrors() {
        assertThat(SlackApiCalls.errorOf("{\"ok\":true,\"channel\":\"C0\",\"error\":\"ignored\"}")).isNull();
        assertThat(SlackApiCalls.errorOf("{\"ok\":false,\"error\":\"channel_not_found\"}")).isEqualTo("channel_not_found");
        assertThat(SlackApiCalls.errorOf("{\"error\":\"invalid_auth\",\"ok\":false}")).isEqualTo("invalid_auth");
        assertThat(SlackApiCalls.errorOf(" {\n  \"ok\" : true }")).isNull();
    }

    @Test
    @DisplayName("only the top level counts: an 'ok' or 'error' inside a message is not the answer's")
    void topLevelOnly() {
        assertThat(SlackApiCalls.errorOf("{\"message\":{\"ok\":true,\"error\":\"x\"},\"ok\":false,\"error\":\"msg_too_long\"}"))
                .isEqualTo("msg_too_long");
    }

    @Test
    @DisplayName("a code Slack would not write, or none at all, never becomes a label as it stands")
    void oddAnswers() {
        assertThat(SlackApiCalls.errorOf("{\"ok\":false,\"error\":\"CHG-12 for U0ALICE\"}")).isEqualTo("other");
        assertThat(SlackApiCalls.errorOf("{\"ok\":false}")).isEqualTo("unknown");
        assertThat(SlackApiCalls.errorOf("<html>Bad gateway</html>")).isEqualTo("unknown");
        assertThat(SlackApiCalls.errorOf("")).isEqualTo("unknown");
        assertThat(SlackApiCalls.errorOf("{\"ok\":false,\"warning\":\"superfluous_charset\",\"response_metadata\":{\"warn"))
                .as("cut off by the peek before an error was read").isEqualTo("unknown");
    }

    @Test
    @DisplayName("the method is the path's last segment when it looks like a Slack method")
    void methods() {
        assertThat(SlackApiCalls.method("/api/chat.postMessage")).isEqualTo("chat.postMessage");
        assertThat(SlackApiCalls.method("/slack/api/views.publish")).isEqualTo("views.publish");
        assertThat(SlackApiCalls.method("/api/")).isEqualTo("other");
        assertThat(SlackApiCalls.method("/api/chat.postMessage%20CHG-1")).isEqualTo("other");
    }
}
