package dev.changebot.persistence.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.PrometheusText;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gauges read from PostgreSQL, on a state built by hand, as a scrape of GET /metrics shows them. */
@Timeout(120)
class DatabaseGaugesTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
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
    @DisplayName("outbox depth and oldest age, approvals by age, overdue follow-ups, pending gate checks, unauthorized deployments")
    void gaugesReadTheDatabase() throws SQLException {
        app = RunningApp.start(db, slack, Map.of("changebot.metrics.database-refresh", "0s"), clock);
        var empty = scrape();
        assertThat(empty.value("changebot_outbox_depth", Map.of("queue", "messages"))).isZero();
        assertThat(empty.value("changebot_outbox_oldest_age_seconds", Map.of("queue", "messages"))).isZero();

        execute("INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at) VALUES ('T0', 1, ?, ?)",
                at(NOW.minusSeconds(90)), at(NOW));
        execute("INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at) VALUES ('T0', 2, ?, ?)",
                at(NOW.minusSeconds(10)), at(NOW));
        execute("INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at, delivered_at)"
                + " VALUES ('T0', 3, ?, ?, ?)", at(NOW.minusSeconds(600)), at(NOW), at(NOW));
        execute("INSERT INTO slack_notice (workspace_id, recipient, text, created_at, next_attempt_at) VALUES ('T0', 'C0', 'hi', ?, ?)",
                at(NOW.minusSeconds(30)), at(NOW));
        execute("INSERT INTO slack_notice (workspace_id, recipient, text, created_at, next_attempt_at, failed_at)"
                + " VALUES ('T0', 'C0', 'gave up', ?, ?, ?)", at(NOW.minusSeconds(900)), at(NOW), at(NOW));

        execute("INSERT INTO github_protection_request (delivery_id, installation_id, repository, environment, run_id,"
                + " callback_url, received_at) VALUES ('d1', 1, 'acme/web', 'production', 42, 'https://gh/cb', ?)", at(NOW));
        execute("INSERT INTO github_reply (request_id, kind, comment, created_at, next_attempt_at)"
                + " SELECT id, 'report', 'waiting', ?, ? FROM github_protection_request", at(NOW.minusSeconds(45)), at(NOW));

        change(1, "PENDING_APPROVAL", NOW.minus(Duration.ofMinutes(10)), null);
        change(2, "PENDING_APPROVAL", NOW.minus(Duration.ofHours(2)), null);
        change(3, "PENDING_APPROVAL", NOW.minus(Duration.ofHours(2).plusMinutes(5)), null);
        change(4, "PENDING_APPROVAL", NOW.minus(Duration.ofDays(5)), null);
        change(5, "APPROVED", NOW.minus(Duration.ofDays(5)), null);
        change(6, "COMPLETED", NOW.minus(Duration.ofDays(4)), "[" + obligation("review", "PENDING", NOW.minus(Duration.ofHours(1)))
                + "," + obligation("report", "OVERDUE", NOW.minus(Duration.ofDays(2)))
                + "," + obligation("approval", "SATISFIED", NOW.minus(Duration.ofDays(3)))
                + "," + obligation("later", "PENDING", NOW.plus(Duration.ofHours(1))) + "]");
        change(7, "COMPLETED", NOW.minus(Duration.ofDays(4)), "[" + obligation("review", "SATISFIED", NOW.minus(Duration.ofDays(1))) + "]");

        execute("INSERT INTO api_token (workspace_id, name, token_hash, created_by, created_at) VALUES ('T0', 'ci', 'h', 'U0ADMIN', ?)",
                at(NOW));
        gateCheck("g1", "pending");
        gateCheck("g2", "pending");
        gateCheck("g3", "allowed");
        deployment("succeeded", false);
        deployment("succeeded", true);
        deployment("failed", false);

        var state = scrape();
        assertThat(state.value("changebot_outbox_depth", Map.of("queue", "messages"))).isEqualTo(2);
        assertThat(state.value("changebot_outbox_oldest_age_seconds", Map.of("queue", "messages"))).isEqualTo(90);
        assertThat(state.value("changebot_outbox_depth", Map.of("queue", "notices"))).isEqualTo(1);
        assertThat(state.value("changebot_outbox_oldest_age_seconds", Map.of("queue", "notices"))).isEqualTo(30);
        assertThat(state.value("changebot_outbox_depth", Map.of("queue", "github_replies"))).isEqualTo(1);
        assertThat(state.value("changebot_outbox_oldest_age_seconds", Map.of("queue", "github_replies"))).isEqualTo(45);
        assertThat(state.value("changebot_approvals_pending", Map.of("age", "under_1h"))).isEqualTo(1);
        assertThat(state.value("changebot_approvals_pending", Map.of("age", "1h_to_4h"))).isEqualTo(2);
        assertThat(state.value("changebot_approvals_pending", Map.of("age", "4h_to_1d"))).isZero();
        assertThat(state.value("changebot_approvals_pending", Map.of("age", "1d_to_3d"))).isZero();
        assertThat(state.value("changebot_approvals_pending", Map.of("age", "over_3d"))).isEqualTo(1);
        assertThat(state.value("changebot_follow_ups_overdue", Map.of())).as("the pending one past due and the overdue one")
                .isEqualTo(2);
        assertThat(state.value("changebot_gate_checks_pending", Map.of())).isEqualTo(2);
        assertThat(state.value("changebot_deployments_unauthorized_total", Map.of())).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        var later = scrape();
        assertThat(later.value("changebot_outbox_oldest_age_seconds", Map.of("queue", "messages")))
                .as("ages follow the app's clock").isEqualTo(210);
        assertThat(later.value("changebot_follow_ups_overdue", Map.of())).isEqualTo(2);
        assertThat(later.value("changebot_approvals_pending", Map.of("age", "1h_to_4h"))).isEqualTo(2);
    }

    @Test
    @DisplayName("within the refresh interval a scrape shows the values read before, without asking the database")
    void readAtMostOncePerRefresh() throws SQLException {
        app = RunningApp.start(db, slack, Map.of("changebot.metrics.database-refresh", "1h"), clock);
        assertThat(scrape().value("changebot_outbox_depth", Map.of("queue", "messages"))).isZero();

        execute("INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at) VALUES ('T0', 1, ?, ?)",
                at(NOW.minusSeconds(90)), at(NOW));

        assertThat(scrape().value("changebot_outbox_depth", Map.of("queue", "messages"))).isZero();
    }

    @Test
    @DisplayName("while the database is away the gauges read NaN, and the scrape still answers")
    void unknownWhileTheDatabaseIsAway() {
        // Every gauge asks anew (no refresh interval), each giving up soon on the pool's wait.
        app = RunningApp.start(db, slack, Map.of("changebot.metrics.database-refresh", "0s",
                "changebot.metrics.database-budget", "600ms"), clock);
        assertThat(scrape().value("changebot_gate_checks_pending", Map.of())).isZero();

        TestPostgres.setReachable(db, false);
        try {
            var away = scrape();
            assertThat(away.value("changebot_gate_checks_pending", Map.of())).isNaN();
            assertThat(away.value("changebot_outbox_depth", Map.of("queue", "messages"))).isNaN();
            assertThat(away.value("changebot_slack_ack_duration_seconds_count", Map.of("kind", "slash_command")))
                    .as("the rest of the scrape is unaffected").isZero();
        } finally {
            TestPostgres.setReachable(db, true);
        }
        assertThat(scrape().value("changebot_gate_checks_pending", Map.of())).isZero();
    }

    private PrometheusText scrape() {
        return PrometheusText.scrape(app);
    }

    private void change(long number, String state, Instant requestedAt, String obligations) throws SQLException {
        execute("INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, title, environment,"
                + " class_name, proposed_start, requested_at, state, updated_at, obligations)"
                + " VALUES ('T0', ?, 'U0REQUEST', 'C0', 'by hand', 'production', 'normal', ?, ?, ?, ?, CAST(? AS jsonb))",
                number, at(requestedAt), at(requestedAt), state, at(requestedAt), obligations);
    }

    private static String obligation(String name, String status, Instant dueAt) {
        return "{\"name\":\"" + name + "\",\"label\":\"" + name + "\",\"dueAt\":\"" + dueAt + "\",\"roles\":[],"
                + "\"notDeclarer\":false,\"asks\":[],\"status\":\"" + status + "\",\"answers\":{}}";
    }

    private void gateCheck(String publicId, String state) throws SQLException {
        execute("INSERT INTO gate_check (public_id, workspace_id, token_id, idempotency_key, request_body, change_number,"
                + " environment, state, created_at) SELECT ?, 'T0', id, ?, '{}'::jsonb, 1, 'production', ?, ? FROM api_token",
                publicId, publicId, state, at(NOW));
    }

    private void deployment(String status, boolean covered) throws SQLException {
        execute("INSERT INTO deployment (workspace_id, source, reported_by, environment, status, reported_at, covered, uncovered_why)"
                + " VALUES ('T0', 'api', 'ci', 'production', ?, ?, ?, ?)", status, at(NOW), covered,
                covered ? null : "no change named");
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (var connection = db.connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
