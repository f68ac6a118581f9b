package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.PrometheusText;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** changebot_timer_lateness_seconds on /metrics: fired at minus due at, by the app's clock, once per firing. */
@Timeout(120)
class TimerLatenessMetricTest {

    static final String LATENESS = "changebot_timer_lateness_seconds";
    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of(), clock);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("two timers fired 89 s and 2 s late land in their buckets, and the count moves by two")
    void latenessOfFiredTimers() {
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel("C0DEPLOYS").encode(),
                ChangeForms.complete(T0.plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
        var before = PrometheusText.scrape(app);
        // Rows as another node arms them, due after now, so no look fires them before the clock moves; the soak
        // they end is not running, so firing them changes nothing else.
        db.rows("INSERT INTO change_timer (workspace_id, change_number, kind, ref, due_at)"
                + " SELECT workspace_id, number, 'SOAK_END', 'late', ? FROM change_request RETURNING id",
                Timestamp.from(T0.plusSeconds(1)));
        db.rows("INSERT INTO change_timer (workspace_id, change_number, kind, ref, due_at)"
                + " SELECT workspace_id, number, 'SOAK_END', 'nearly', ? FROM change_request RETURNING id",
                Timestamp.from(T0.plusSeconds(88)));
        clock.advance(Duration.ofSeconds(90));

        app.bean(TimerPoller.class).fireDue();

        assertThat(db.rows("SELECT ref, late_by_ms FROM change_timer WHERE status = 'FIRED' ORDER BY ref"))
                .extracting(row -> row.get("late_by_ms")).containsExactly(89_000L, 2_000L);
        var after = PrometheusText.scrape(app);
        assertThat(after.value(LATENESS + "_count", Map.of()) - before.value(LATENESS + "_count", Map.of())).isEqualTo(2);
        assertThat(after.value(LATENESS + "_sum", Map.of()) - before.value(LATENESS + "_sum", Map.of())).isEqualTo(91);
        assertThat(after.value(LATENESS + "_bucket", Map.of("le", "1.0"))).isEqualTo(before.value(LATENESS + "_bucket",
                Map.of("le", "1.0")));
        assertThat(after.value(LATENESS + "_bucket", Map.of("le", "5.0"))
                - before.value(LATENESS + "_bucket", Map.of("le", "5.0"))).isEqualTo(1);
        assertThat(after.value(LATENESS + "_bucket", Map.of("le", "60.0"))
                - before.value(LATENESS + "_bucket", Map.of("le", "60.0"))).as("89 s is past the minute").isEqualTo(1);
        assertThat(after.value(LATENESS + "_bucket", Map.of("le", "120.0"))
                - before.value(LATENESS + "_bucket", Map.of("le", "120.0"))).isEqualTo(2);
    }
}
