package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import dev.changebot.support.AppProcess;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A node that dies mid-fire: its claim on the timer is a row lock inside the firing's transaction,
 * so it dies with the node's connections and a live node's poller claims and fires the timer. The
 * first instance runs in a JVM of its own so it can be killed outright; the test holds the change's
 * row lock so the kill lands while the timer's firing is provably inside its transaction.
 */
class InstanceKilledMidJobTest {

    static final String POLICY = "src/test/resources/policies/test-short-soak.yaml";
    /** Check-ins every half second: a dead node is declared dead after about 8 s instead of 15. */
    static final Map<String, String> FAST_CHECKINS = Map.of("changebot.scheduler.checkin-interval", "500");

    @Test
    @DisplayName("an instance killed mid-job: another instance finishes the job, and the timer fires once")
    void anotherInstanceFinishesTheJob() throws Exception {
        var db = TestPostgres.freshDatabase();
        try (var slack = FakeSlackApi.start();
             var doomed = AppProcess.start(db, slack, POLICY, FAST_CHECKINS, Path.of("target", "instance-killed-mid-job.log"))) {
            doomed.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel("C0DEPLOYS").encode(),
                    ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).inClass("standard").state()),
                    SlackPayloads.FORM);
            doomed.slack(SlashCommandsAccess.of("U0DEV", "C0DEPLOYS", "start CHG-1"), SlackPayloads.FORM);

            try (var holder = db.connect()) {
                holder.setAutoCommit(false);
                // The soak's timer is due in 5 s; its job will lock the timer, then wait here for the change.
                assertThat(doomed.slack(SlashCommandsAccess.of("U0DEV", "C0DEPLOYS", "deployed CHG-1 staging"),
                        SlackPayloads.FORM).body()).contains("soaking in staging");
                holder.createStatement().execute("SELECT 1 FROM change_request FOR UPDATE");
                var holderPid = holder.createStatement().executeQuery("SELECT pg_backend_pid()");
                holderPid.next();
                int holderBackend = holderPid.getInt(1);

                // The firing's backend, waiting for the change row (the statement text is cut before its FOR UPDATE;
                // the locked read is ChangeSql.FOR_UPDATE, hand-written since the third pass on the ack path).
                db.awaitRows(Duration.ofSeconds(30), """
                        SELECT pid FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock'
                           AND query LIKE 'SELECT c.id, c.workspace_id, c.number,%'""");
                assertThat(db.rows("SELECT id FROM change_timer WHERE status = 'PENDING' FOR UPDATE SKIP LOCKED"))
                        .as("the timer is claimed by the doomed instance: a row lock that dies with its connection")
                        .isEmpty();

                doomed.kill();
                // PostgreSQL notices a dead client when it next writes to it; a TCP keepalive would
                // end its sessions in time. End them now, so its open transaction rolls back.
                db.rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid NOT IN (pg_backend_pid(), ?)", holderBackend);
                holder.rollback();
            }
            assertThat(db.rows("SELECT status FROM change_timer").get(0)).as("the killed job left nothing behind")
                    .containsEntry("status", "PENDING");
            assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "SOAKING");

            try (var survivor = RunningApp.start(db, slack, Map.of("changebot.policy", POLICY,
                    "changebot.scheduler.checkin-interval", 500))) {
                var fired = db.awaitRows(Duration.ofSeconds(60),
                        "SELECT fired_by, outcome FROM change_timer WHERE status = 'FIRED'");
                assertThat(fired).singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("outcome", "soak in staging complete");
                    assertThat(row.get("fired_by").toString()).as("claimed again by the survivor")
                            .isEqualTo(survivor.bean(TimerPoller.class).node());
                });
                assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "IN_PROGRESS");
                assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeSoakCompleted'")).hasSize(1);
                assertThat(db.count("qrtz_triggers WHERE trigger_group = 'timers'")).as("no Quartz trigger per timer").isZero();
            }
        }
    }
}
