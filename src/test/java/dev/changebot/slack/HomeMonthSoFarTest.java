package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.metrics.MonthSoFar;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MetricsHistory;
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

/**
 * Issue 16, item 3: the App Home shows this month so far, computed in the background (never on the
 * Home's own request path) and absent until it has been.
 */
@Timeout(120)
class HomeMonthSoFarTest {

    private final FakeSlackApi slack = FakeSlackApi.start();
    private final TestDatabase db = TestPostgres.freshDatabase();
    private RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:pol-008"),
                new MutableClock(Instant.parse("2026-11-25T18:00:00Z")));
        MetricsHistory.november2026(db, FakeSlackApi.TEAM_ID);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the Home shows the month's numbers and missed targets once computed, and nothing before")
    void monthSoFar() {
        app.slack(SlackPayloads.appHomeOpened("U0EM"), SlackPayloads.JSON);
        assertThat(slack.calls("views.publish").get(0).json("view").toString()).doesNotContain("This month so far");

        app.bean(MonthSoFar.class).refresh();
        app.slack(SlackPayloads.appHomeOpened("U0EM"), SlackPayloads.JSON);

        var home = slack.calls("views.publish").get(1).json("view").toString();
        assertThat(home).contains("This month so far (2026-11)", "Deployments per week", "Change failure rate",
                "Targets:", "/change report");
    }
}
