package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.application.change.FireTimer;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** rotor.sh, 3. Deploy Cadence: production only after a 30-minute staging soak, on a durable timer. */
class SoakTimerTest {

    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";

    final MutableClock clock = new MutableClock(T0);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void startedChange() {
        app = start();
        slack.userGroup("rotor-team", "U0TEAM");
        app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(T0.plus(Duration.ofMinutes(5))).inClass("normal").state()), SlackPayloads.FORM);
        say("U0TEAM", "approve CHG-1");
        // `/change start` says what happened (issue 15: "confirms what happened"), not a bare acknowledgement.
        assertThat(say("U0DEV", "start CHG-1")).startsWith("Started CHG-1: it is in progress.");
        assertThat(state()).isEqualTo("IN_PROGRESS");
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("deployed to staging: soaking 30 min on a durable timer; production waits; the timer completes the soak once")
    void soakCompletes() {
        assertThat(say("U0DEV", "deployed CHG-1 production"))
                .as("rotor: production only after staging, with its soak")
                .isEqualTo("CHG-1 goes to production only after its soak in staging: deploy it to staging first.");
        assertThat(say("U0DEV", "deployed CHG-1 staging")).contains("soaking in staging until 2026-03-10T10:30:00Z");
        assertThat(state()).isEqualTo("SOAKING");
        var timer = db.rows("SELECT id, due_at, status FROM change_timer").get(0);
        assertThat(timer).containsEntry("status", "PENDING");
        assertThat(db.count("qrtz_triggers")).as("armed in the clustered job store").isGreaterThanOrEqualTo(2);
        assertThat(say("U0DEV", "deployed CHG-1 production")).contains("soaking in staging until");

        clock.set(T0.plus(Duration.ofMinutes(30)));
        long id = ((Number) timer.get("id")).longValue();
        assertThat(app.bean(FireTimer.class).fire(id)).isTrue();
        assertThat(app.bean(FireTimer.class).fire(id)).as("a second ring does nothing").isFalse();
        app.deliverOutbox();

        assertThat(state()).isEqualTo("IN_PROGRESS");
        assertThat(db.rows("SELECT status, late_by_ms, outcome FROM change_timer").get(0))
                .containsEntry("status", "FIRED").containsEntry("late_by_ms", 0L)
                .containsEntry("outcome", "soak in staging complete");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeSoakCompleted'")).hasSize(1);
        var messageTs = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts");
        assertThat(slack.calls("chat.postMessage")).anySatisfy(call -> {
            assertThat(call.param("text")).contains("CHG-1", "soak in staging complete — production allowed");
            assertThat(call.param("thread_ts")).as("in the change's thread").isEqualTo(messageTs);
        });
        assertThat(say("U0DEV", "deployed CHG-1 production")).contains("deployed to production");
    }

    @Test
    @DisplayName("rolled back during the soak: the soak is aborted and its timer cancelled")
    void rollbackAbortsTheSoak() {
        say("U0DEV", "deployed CHG-1 staging");

        assertThat(say("U0DEV", "rolledback CHG-1")).contains("rolled back");

        assertThat(state()).isEqualTo("ROLLED_BACK");
        assertThat(db.rows("SELECT status FROM change_timer").get(0)).containsEntry("status", "CANCELLED");
        long id = ((Number) db.rows("SELECT id FROM change_timer").get(0).get("id")).longValue();
        assertThat(app.bean(FireTimer.class).fire(id)).isFalse();
    }

    @Test
    @DisplayName("a timer that came due while the app was down fires at start-up, once, recorded as late")
    void firesLateAfterARestart() {
        say("U0DEV", "deployed CHG-1 staging");
        app.close();

        clock.set(T0.plus(Duration.ofMinutes(45)));
        app = start();

        // Re-armed at start-up to ring now (its alarm was for 30 minutes of wall-clock time), by Quartz.
        var fired = db.awaitRows(Duration.ofSeconds(30), "SELECT late_by_ms, fired_by FROM change_timer WHERE status = 'FIRED'");
        assertThat(fired).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("late_by_ms", Duration.ofMinutes(15).toMillis());
            assertThat(row.get("fired_by").toString()).as("rung by a scheduler instance").isNotEqualTo("manual");
        });
        assertThat(state()).isEqualTo("IN_PROGRESS");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeSoakCompleted'")).hasSize(1);
    }

    @Test
    @DisplayName("a late timer whose alarm was lost is armed again by the minute sweep, and fires")
    void sweepRearmsALostAlarm() throws Exception {
        say("U0DEV", "deployed CHG-1 staging");
        long id = ((Number) db.rows("SELECT id FROM change_timer").get(0).get("id")).longValue();
        app.bean(ClusteredScheduler.class).scheduler().deleteJob(org.quartz.JobKey.jobKey("timer-" + id, "timers"));

        clock.set(T0.plus(Duration.ofMinutes(30)).plusSeconds(30));
        app.bean(LateTimersJob.class).execute(null);
        assertThat(db.rows("SELECT status FROM change_timer").get(0)).as("not late enough to be called lost")
                .containsEntry("status", "PENDING");
        assertThat(app.bean(ClusteredScheduler.class).scheduler().checkExists(org.quartz.JobKey.jobKey("timer-" + id, "timers")))
                .isFalse();

        clock.set(T0.plus(Duration.ofMinutes(32)));
        app.bean(LateTimersJob.class).execute(null);
        assertThat(db.awaitRows(Duration.ofSeconds(30), "SELECT late_by_ms FROM change_timer WHERE status = 'FIRED'"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("late_by_ms", Duration.ofMinutes(2).toMillis()));
    }

    private RunningApp start() {
        return RunningApp.start(db, slack, Map.of("changebot.policy", "preset:rotor"), clock);
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommandsAccess.of(user, CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }
}
