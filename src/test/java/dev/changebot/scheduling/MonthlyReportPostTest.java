package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.metrics.PostMonthlyReport;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MetricsHistory;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quartz.CronTrigger;
import org.quartz.TriggerKey;

/**
 * Issue 16, item 3: chat-backend's monthly audit report, posted to its reports channel on the first
 * working day of the month by a clustered Quartz cron trigger, once however often the job runs.
 */
@Timeout(120)
class MonthlyReportPostTest {

    /** Tuesday 1 December 2026: a working day in chat-backend's US calendar. */
    private static final Instant FIRST_WORKING_DAY = Instant.parse("2026-12-01T09:00:00Z");
    private final FakeSlackApi slack = FakeSlackApi.start();
    private final TestDatabase db = TestPostgres.freshDatabase();
    private final MutableClock clock = new MutableClock(FIRST_WORKING_DAY);
    private RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);
        MetricsHistory.november2026(db, FakeSlackApi.TEAM_ID);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("chat-backend Audit Reports: November's report is posted to #deployments on 1 December, once")
    void postedOnceOnTheFirstWorkingDay() {
        var poster = app.bean(PostMonthlyReport.class);

        assertThat(poster.runIfDue()).isEqualTo(1);
        assertThat(poster.runIfDue()).as("claimed: a second run, or another node, posts nothing").isZero();

        var posted = slack.calls("chat.postMessage").stream().filter(c -> c.param("text").startsWith("Change report"))
                .toList();
        assertThat(posted).singleElement().satisfies(c -> {
            assertThat(c.param("channel")).isEqualTo("#deployments");
            assertThat(c.blocks().toString()).contains("Change report 2026-11", "Targets of the policy");
        });
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(2);
        assertThat(db.rows("SELECT workspace_id, period FROM report_post")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("period", "2026-11"));
    }

    @Test
    @DisplayName("on any other day nothing is posted: the month's first working day only")
    void notOnOtherDays() {
        clock.advance(Duration.ofDays(1));

        assertThat(app.bean(PostMonthlyReport.class).runIfDue()).isZero();
        assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("text")).startsWith("Change report"));
    }

    @Test
    @DisplayName("the job runs on weekday mornings in the policy's zone, registered once in the clustered scheduler")
    void cronTrigger() throws Exception {
        var trigger = (CronTrigger) app.bean(ClusteredScheduler.class).scheduler()
                .getTrigger(TriggerKey.triggerKey(MonthlyReportJob.class.getSimpleName()));

        assertThat(trigger.getCronExpression()).isEqualTo("0 0 9 ? * MON-FRI");
        assertThat(trigger.getTimeZone()).isEqualTo(TimeZone.getTimeZone("UTC"));
    }
}
