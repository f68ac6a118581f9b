package dev.changebot.slack.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which credentials choose which way of talking to Slack, and what an operator is told. */
class SlackSettingsTest {

    @Test
    void botTokenAndSigningSecretMeanHttpMode() {
        assertThat(new SlackSettings("xoxb-1", "secret", null, null).mode()).isEqualTo(SlackMode.HTTP);
    }

    @Test
    void anAppTokenMeansSocketMode() {
        assertThat(new SlackSettings("xoxb-1", null, "xapp-1", null).mode()).isEqualTo(SlackMode.SOCKET);
        assertThat(new SlackSettings("xoxb-1", "secret", "xapp-1", null).mode()).isEqualTo(SlackMode.SOCKET);
    }

    @Test
    @DisplayName("without a bot token Slack is off, and the message names every missing variable")
    void missingCredentialsAreNamed() {
        var none = new SlackSettings("", " ", null, null);

        assertThat(none.mode()).isEqualTo(SlackMode.DISABLED);
        assertThat(none.whatIsMissing()).contains("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN");
    }

    @Test
    void aBotTokenAloneIsNotEnough() {
        var tokenOnly = new SlackSettings("xoxb-1", null, null, null);

        assertThat(tokenOnly.mode()).isEqualTo(SlackMode.DISABLED);
        assertThat(tokenOnly.whatIsMissing()).doesNotContain("SLACK_BOT_TOKEN").contains("SLACK_SIGNING_SECRET");
    }

    @Test
    @DisplayName("SLACK_API_URL points the Web API client elsewhere; by default it is Slack's")
    void apiUrl() {
        assertThat(new SlackSettings(null, null, null, null).methodsEndpointUrlPrefix())
                .isEqualTo("https://slack.com/api/");
        assertThat(new SlackSettings(null, null, null, "http://127.0.0.1:9999/").methodsEndpointUrlPrefix())
                .isEqualTo("http://127.0.0.1:9999/api/");
    }
}
