package dev.changebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When the app plays Slack itself: CHANGEBOT_SANDBOX unset, true or false, against the Slack credentials set. */
class SandboxModeTest {

    @Test
    @DisplayName("unset: on exactly when no Slack credential at all is set")
    void unsetFollowsTheCredentials() {
        assertThat(SandboxMode.decide(null, null, null, null, null).on()).isTrue();
        assertThat(SandboxMode.decide("", " ", "", "\t", "").on()).as("blank is unset").isTrue();
        assertThat(SandboxMode.decide("", "xoxb-1", null, null, null).on()).isFalse();
        assertThat(SandboxMode.decide("", null, "secret", null, null).on()).as("any credential").isFalse();
        assertThat(SandboxMode.decide("", null, null, "xapp-1", null).on()).isFalse();
    }

    @Test
    @DisplayName("true: on unless a bot token is set, and then the log is told why not")
    void trueNeverRunsBesideARealBotToken() {
        assertThat(SandboxMode.decide("true", null, "secret", null, null).on()).isTrue();
        var refused = SandboxMode.decide("TRUE", "xoxb-1", "secret", null, null);
        assertThat(refused.on()).isFalse();
        assertThat(refused.why()).contains("SLACK_BOT_TOKEN is set", "never runs beside real Slack credentials");
    }

    @Test
    @DisplayName("false: off, whatever is set (the old behaviour)")
    void falseIsOff() {
        assertThat(SandboxMode.decide("false", null, null, null, "true").on()).isFalse();
    }

    @Test
    @DisplayName("a value that is neither true nor false is ignored, and said so")
    void nonsenseIsIgnoredAloud() {
        var mode = SandboxMode.decide("yes", null, null, null, null);
        assertThat(mode.on()).isTrue();
        assertThat(mode.why()).contains("'yes' is neither true nor false");
    }

    @Test
    @DisplayName("exposed to other hosts only with CHANGEBOT_SANDBOX_EXPOSE=true, and only when on")
    void exposure() {
        assertThat(SandboxMode.decide(null, null, null, null, null).exposed()).isFalse();
        assertThat(SandboxMode.decide(null, null, null, null, "true").exposed()).isTrue();
        assertThat(SandboxMode.decide(null, "xoxb-1", "s", null, "true").exposed()).isFalse();
    }
}
