package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The timer poller: change_timer is the due-time table, claimed with FOR UPDATE SKIP LOCKED. Time
 * is the test's clock and looks are triggered by hand ({@link TimerPoller#fireDue}); the app's own
 * poller looks only at start-up and when a timer is armed on it (RunningApp with a test clock).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TimerPollerTest {

    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    @DisplayName("four pollers claim at once: each timer fires once, and a timer locked elsewhere is skipped, not waited for")
    void concurrentClaimsSkipLockedRows() throws Exception {
        startWithAChange();
        insertTimers(200, "batch", T0);
        var poller = app.bean(TimerPoller.class);
        long before = poller.claims();
        try (var holder = db.connect()) {
            holder.setAutoCommit(false);
            // Another node in the middle of firing the first timer: its row is locked.
            holder.createStatement().execute("SELECT id FROM change_timer WHERE ref = 'batch' ORDER BY id LIMIT 1 FOR UPDATE");

            var pool = Executors.newFixedThreadPool(4);
            var looks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 4; i++) {
                looks.add(poller::fireDue);
            }
            int claimed = 0;
            for (var look : pool.invokeAll(looks, 60, TimeUnit.SECONDS)) {
                claimed += look.get();
            }
            pool.shutdown();

            assertThat(claimed).as("claims of the four looks together").isEqualTo(199);
            assertThat(firedCount("batch")).isEqualTo(199);
            assertThat(db.rows("SELECT fired_by FROM change_timer WHERE status = 'FIRED'"))
                    .allSatisfy(row -> assertThat(row).containsEntry("fired_by", poller.node()));
            holder.rollback();
        }
        assertThat(poller.fireDue()).as("released by the other node, it is claimed now").isEqualTo(1);
        assertThat(firedCount("batch")).isEqualTo(200);
        assertThat(poller.claims() - before).as("no timer was claimed twice").isEqualTo(200);
    }

    @Test
    @DisplayName("a firing that fails leaves the timer pending, backed off 1 s then 2 s; it fires once it can")
    void failureKeepsItPendingWithBackoff() throws Exception {
        startWithAChange();
        insertTimers(1, "broken", T0);
        try (var connection = db.connect()) {
            connection.createStatement().execute("""
                    CREATE FUNCTION refuse_fired() RETURNS trigger AS $$
                    BEGIN RAISE EXCEPTION 'cannot record a firing now'; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER refuse_fired BEFORE UPDATE ON change_timer
                      FOR EACH ROW WHEN (NEW.status = 'FIRED') EXECUTE FUNCTION refuse_fired();""");
        }
        var poller = app.bean(TimerPoller.class);

        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(timer("broken")).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("retry_at", Timestamp.from(T0.plusSeconds(1)));
        assertThat(poller.fireDue()).as("backed off: not claimed again at once").isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(timer("broken")).containsEntry("status", "PENDING").containsEntry("attempts", 2)
                .containsEntry("retry_at", Timestamp.from(T0.plusSeconds(3)));

        try (var connection = db.connect()) {
            connection.createStatement().execute("DROP TRIGGER refuse_fired ON change_timer");
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.fireDue()).as("still backed off").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(timer("broken")).containsEntry("status", "FIRED").containsEntry("late_by_ms", 3_000L)
                .containsEntry("fired_by", poller.node());
        assertThat(poller.fireDue()).isZero();
    }

    @Test
    @DisplayName("start-up with 5,000 pending timers: nothing armed per timer; only those already due fire")
    void startUpDoesNoWorkPerPendingTimer() {
        startWithAChange();
        insertTimers(5_000, "later", T0.plus(Duration.ofDays(1)));
        insertTimers(3, "overdue", T0.minus(Duration.ofMinutes(5)));
        app.close();

        app = RunningApp.start(db, slack, Map.of(), clock);

        // The first look, on the poller's thread after start-up, fires what came due while down.
        db.awaitRows(Duration.ofSeconds(30), "SELECT 1 FROM change_timer WHERE ref = 'overdue' HAVING count(*) FILTER"
                + " (WHERE status = 'FIRED') = 3");
        assertThat(db.rows("SELECT count(*) AS n FROM change_timer WHERE ref = 'later' AND status = 'PENDING'"
                + " AND fired_at IS NULL AND attempts = 0").get(0)).containsEntry("n", 5_000L);
        assertThat(db.count("qrtz_triggers WHERE trigger_group = 'timers'")).as("no Quartz trigger per timer").isZero();
        assertThat(db.count("qrtz_job_details WHERE job_group = 'timers'")).isZero();
    }

    private void startWithAChange() {
        app = RunningApp.start(db, slack, Map.of(), clock);
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel("C0DEPLOYS").encode(),
                ChangeForms.complete(T0.plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
        assertThat(db.count("change_request")).isEqualTo(1);
    }

    /** Rows as the store writes them, in bulk; the app is not told, as with a timer armed on another node. */
    private void insertTimers(int count, String ref, Instant due) {
        db.rows("INSERT INTO change_timer (workspace_id, change_number, kind, ref, due_at)"
                + " SELECT workspace_id, number, 'SOAK_END', ?, ? FROM change_request, generate_series(1, ?) RETURNING id",
                ref, Timestamp.from(due), count);
    }

    private long firedCount(String ref) {
        return ((Number) db.rows("SELECT count(*) AS n FROM change_timer WHERE ref = ? AND status = 'FIRED'", ref)
                .get(0).get("n")).longValue();
    }

    private Map<String, Object> timer(String ref) {
        return db.rows("SELECT status, attempts, retry_at, late_by_ms, fired_by FROM change_timer WHERE ref = ?", ref).get(0);
    }
}
