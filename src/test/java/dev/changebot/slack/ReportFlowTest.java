package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.report.ReportChart;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MetricsHistory;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, item 3: `/change report 2026-11` in Slack, on the hand-built November of
 * {@link MetricsHistory}: the summary posted where it was asked, with the policy's targets judged,
 * the chart (a real PNG) and the CSV in its thread; a bad or future period answered privately.
 */
@Timeout(120)
class ReportFlowTest {

    static final String CHANNEL = "C0DEPLOYS";
    private final FakeSlackApi slack = FakeSlackApi.start();
    private final TestDatabase db = TestPostgres.freshDatabase();
    private RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:pol-008"),
                new MutableClock(Instant.parse("2026-12-02T09:00:00Z")));
        MetricsHistory.november2026(db, FakeSlackApi.TEAM_ID);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the report is posted in the channel with its numbers and targets; the chart and CSV follow in its thread")
    void reportWithChartAndCsv() throws Exception {
        var answer = say("report 2026-11");

        assertThat(answer).contains("Building the change report for 2026-11");
        awaitCalls("files.completeUploadExternal", 2);
        var posted = slack.calls("chat.postMessage").stream().filter(c -> c.param("text").startsWith("Change report"))
                .findFirst().orElseThrow();
        assertThat(posted.param("channel")).isEqualTo(CHANNEL);
        assertThat(posted.blocks().toString()).contains("Change report 2026-11", "Deployment frequency",
                "Change failure rate", "Targets of the policy", "Rollback rate");
        var uploads = slack.calls("upload");
        var png = slack.uploaded(uploads.get(0).param("file_id"));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ReportChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ReportChart.HEIGHT);
        var csv = new String(slack.uploaded(uploads.get(1).param("file_id")), StandardCharsets.UTF_8);
        assertThat(csv).contains("deployment_frequency", "lead_time_median_hours");
        assertThat(slack.calls("files.completeUploadExternal")).allSatisfy(c ->
                assertThat(c.param("thread_ts")).isNotBlank());
    }

    @Test
    @DisplayName("a malformed or future period is answered privately with what to write; nothing is posted")
    void badPeriods() {
        say("report last-quarter");
        awaitCalls("chat.postEphemeral", 1);
        say("report 2030-01");
        awaitCalls("chat.postEphemeral", 2);

        List<String> told = slack.calls("chat.postEphemeral").stream().map(c -> c.param("text")).toList();
        assertThat(told.get(0)).contains("is not a period I can read");
        assertThat(told.get(1)).contains("starts after today");
        assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("text")).startsWith("Change report"));
    }

    private void awaitCalls(String method, int count) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slack.calls(method).size() < count) {
            assertThat(System.nanoTime()).as("no %s within 30 s; calls: %s", method, slack.calls()).isLessThan(deadline);
            LockSupport.parkNanos(20_000_000);
        }
    }

    private String say(String text) {
        var body = app.slack(SlashCommandsAccess.of("U0EM", CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }
}
