package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.change.RemindStaleApprovals;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * chat-backend, Category 2 step 2 ("Backend Lead reviews within 1 business day"): reminder after
 * 8 h, escalation to the Tech Architect in #deployments after 24 h; the job is triggered with a
 * controlled clock.
 */
@Timeout(120)
class ApprovalRemindersTest {

    static final Instant REQUESTED = Instant.parse("2026-03-09T09:00:00Z");
    static final String BACKEND = "U0BACKEND";
    static final String DBA = "U0DBA";

    final MutableClock clock = new MutableClock(REQUESTED);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);
        slack.userGroup("backend-leads", BACKEND);
        slack.userGroup("dba-leads", DBA);
        slack.userGroup("tech-architects", "U0ARCH");
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the open step's approvers are reminded after 8 h, once; at 24 h the escalation channel hears of it")
    void reminderThenEscalation() {
        request("medium");

        assertThat(runAt(REQUESTED.plus(Duration.ofHours(7)))).as("before the reminder is due").isEmpty();
        var reminder = runAt(REQUESTED.plus(Duration.ofHours(8)));
        assertThat(reminder).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo(BACKEND);
            assertThat(call.param("text")).contains("CHG-1", "waiting for your approval", "step 1 (Backend Lead review)");
        });
        assertThat(runAt(REQUESTED.plus(Duration.ofHours(9)))).as("a reminder goes out once").isEmpty();
        var escalation = runAt(REQUESTED.plus(Duration.ofHours(24)));
        assertThat(escalation).singleElement().satisfies(call -> {
            assertThat(call.param("channel")).isEqualTo("deployments");
            assertThat(call.param("text")).contains("CHG-1", "waited too long");
        });
    }

    @Test
    @DisplayName("nudges stop as soon as the step moves, and the next step starts its own clock")
    void nextStepHasItsOwnClock() {
        request("high");
        clock.set(REQUESTED.plus(Duration.ofHours(2)));
        app.slack(SlashCommandsAccess.of(BACKEND, "C0DEPLOYS", "approve CHG-1"), SlackPayloads.FORM);

        assertThat(runAt(REQUESTED.plus(Duration.ofHours(9)))).as("step 2 opened 7 h ago").isEmpty();
        var reminder = runAt(REQUESTED.plus(Duration.ofHours(10)));
        assertThat(reminder).singleElement().satisfies(call -> assertThat(call.param("channel")).isEqualTo(DBA));
    }

    @Test
    @DisplayName("Slack failing when a reminder is due: the reminder waits in the outbox and goes out once")
    void reminderSurvivesASlackOutage() {
        request("medium");
        slack.answerNext("chat.postMessage", 500, "{\"ok\":false,\"error\":\"internal_error\"}", Map.of());

        assertThat(runAt(REQUESTED.plus(Duration.ofHours(8)))).as("the attempt that failed").hasSize(1);
        assertThat(db.rows("SELECT attempts, delivered_at FROM slack_notice").get(0))
                .containsEntry("attempts", 1).containsEntry("delivered_at", null);
        assertThat(runAt(REQUESTED.plus(Duration.ofHours(8)).plusSeconds(1)))
                .as("the job does not decide twice; the outbox retries").singleElement()
                .satisfies(call -> assertThat(call.param("channel")).isEqualTo(BACKEND));
        assertThat(runAt(REQUESTED.plus(Duration.ofHours(9)))).isEmpty();
        assertThat(db.rows("SELECT count(*) AS n FROM slack_notice WHERE delivered_at IS NOT NULL").get(0))
                .containsEntry("n", 1L);
    }

    @Test
    @DisplayName("a backlog longer than the sweep's page: every stale change is reminded, the sweep reading a page at a time")
    void backlogLongerThanAPage() {
        request("medium");
        long waiting = RemindStaleApprovals.PAGE + 2L;
        copyChangeOne(waiting);

        clock.set(REQUESTED.plus(Duration.ofHours(8)));
        app.bean(ApprovalRemindersJob.class).execute(null);

        assertThat(db.rows("SELECT count(*) AS n, count(DISTINCT change_id) AS changes FROM approval_nudge").get(0))
                .containsEntry("n", waiting).containsEntry("changes", waiting);
    }

    /** CHG-1's row again as CHG-2 … CHG-{@code upTo}: a backlog without a form submitted for each. */
    private void copyChangeOne(long upTo) {
        var columns = db.rows("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) AS names"
                + " FROM information_schema.columns WHERE table_name = 'change_request' AND column_name NOT IN ('id', 'number')")
                .get(0).get("names");
        db.rows("INSERT INTO change_request (" + columns + ", number) SELECT " + columns + ", n"
                + " FROM change_request, generate_series(2, ?) AS n WHERE number = 1 RETURNING id", upTo);
    }

    private void request(String changeClass) {
        // Inside the class's window: Wednesday 11:00 UTC for medium, the first Tuesday's maintenance window for high.
        var start = changeClass.equals("high") ? Instant.parse("2026-04-07T03:00:00Z") : Instant.parse("2026-03-11T11:00:00Z");
        var form = ChangeForms.complete(start).inClass(changeClass)
                .text("design_doc", "https://wiki/rfc-1").text("risk_assessment", "low")
                .text("communication_plan", "email").text("estimated_downtime", "none");
        var response = app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel("C0DEPLOYS").encode(), form.state()), SlackPayloads.FORM);
        assertThat(response.body()).doesNotContain("errors");
    }

    /** Moves the clock, triggers the job as Quartz would, and returns the messages it sent. */
    private List<SlackCall> runAt(Instant at) {
        slack.clear();
        clock.set(at);
        app.bean(ApprovalRemindersJob.class).execute(null);
        assertThat(slack.calls("chat.postMessage")).as("nudges go through the outbox").isEmpty();
        app.deliverOutbox();
        return slack.calls("chat.postMessage");
    }
}
