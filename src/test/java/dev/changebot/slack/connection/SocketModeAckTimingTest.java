package dev.changebot.slack.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.PrometheusText;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Socket Mode requests are timed into the same ack histogram as HTTP ones: handed to the Bolt app as
 * Bolt's Socket Mode client hands them (parsed, marked Socket Mode), without a WebSocket.
 */
@Timeout(120)
class SocketModeAckTimingTest {

    static final String ACK_COUNT = "changebot_slack_ack_duration_seconds_count";

    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("a slash command and an App Home event over Socket Mode are counted by kind, once each")
    void socketModeRequestsAreTimed() throws Exception {
        var before = PrometheusText.scrape(app);

        runInSocketMode(SlackPayloads.slashCommand("U0REQUEST", "C0DEPLOYS", "help"), SlackPayloads.FORM);
        runInSocketMode(SlackPayloads.appHomeOpened("U0REVIEW"), SlackPayloads.JSON);

        var after = PrometheusText.scrape(app);
        assertThat(delta(before, after, "slash_command")).isEqualTo(1);
        assertThat(delta(before, after, "event_app_home_opened")).isEqualTo(1);
        assertThat(delta(before, after, "refused")).isZero();
    }

    private void runInSocketMode(String body, String contentType) throws Exception {
        var bolt = app.bean(BoltApp.class).app().orElseThrow();
        var request = new SlackRequestParser(bolt.config()).parse(SlackRequestParser.HttpRequest.builder()
                .requestUri("/slack/events")
                .headers(new RequestHeaders(Map.of("Content-Type", List.of(contentType))))
                .requestBody(body)
                .remoteAddress("127.0.0.1")
                .build());
        request.setSocketMode(true);
        assertThat(bolt.run(request).getStatusCode()).isEqualTo(200);
    }

    private static double delta(PrometheusText before, PrometheusText after, String kind) {
        return after.value(ACK_COUNT, Map.of("kind", kind)) - before.value(ACK_COUNT, Map.of("kind", kind));
    }
}
