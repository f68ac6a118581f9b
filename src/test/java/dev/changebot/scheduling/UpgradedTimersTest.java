package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A database from before the poller (schema V20) holds a pending timer armed the old way: a Quartz
 * job and trigger of group 'timers', already due. Upgrading removes them, and the timer fires once.
 */
class UpgradedTimersTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    @DisplayName("upgraded: per-timer Quartz rows are removed, and the pending timer fires once, by the poller")
    void leftoverQuartzTimersAreRemovedAndTheTimerFiresOnce() {
        var db = TestPostgres.emptyDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).target("20").load().migrate();
        var due = Instant.now().minusSeconds(5);
        // A kind this version does not know: fired, recorded, and nothing else (no change needed).
        long id = ((Number) db.rows("INSERT INTO change_timer (workspace_id, change_number, kind, ref, due_at)"
                + " VALUES ('T0CHANGE', 1, 'RETIRED_KIND', 'r', ?) RETURNING id", Timestamp.from(due)).get(0).get("id"))
                .longValue();
        db.rows("INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,"
                + " is_nonconcurrent, is_update_data, requests_recovery) VALUES ('changebot', ?, 'timers',"
                + " 'dev.changebot.scheduling.TimerJob', false, false, false, true) RETURNING job_name", "timer-" + id);
        db.rows("INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time,"
                + " priority, trigger_state, trigger_type, start_time, misfire_instr) VALUES ('changebot', ?, 'timers', ?,"
                + " 'timers', ?, 5, 'WAITING', 'SIMPLE', ?, 1) RETURNING trigger_name", "timer-" + id, "timer-" + id,
                due.toEpochMilli(), due.toEpochMilli());
        db.rows("INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count, repeat_interval,"
                + " times_triggered) VALUES ('changebot', ?, 'timers', 0, 0, 0) RETURNING trigger_name", "timer-" + id);

        try (var slack = FakeSlackApi.start(); var app = RunningApp.start(db, slack)) {
            var fired = db.awaitRows(Duration.ofSeconds(30),
                    "SELECT fired_by, outcome FROM change_timer WHERE id = ? AND status = 'FIRED'", id);
            assertThat(fired).singleElement().satisfies(row -> {
                assertThat(row).containsEntry("outcome", "no action for kind RETIRED_KIND");
                assertThat(row).containsEntry("fired_by", app.bean(TimerPoller.class).node());
            });
            assertThat(db.count("qrtz_triggers WHERE trigger_group = 'timers'")).isZero();
            assertThat(db.count("qrtz_simple_triggers WHERE trigger_group = 'timers'")).isZero();
            assertThat(db.count("qrtz_job_details WHERE job_group = 'timers'")).isZero();
            assertThat(app.bean(TimerPoller.class).claims()).as("claimed once").isEqualTo(1);
        }
    }
}
