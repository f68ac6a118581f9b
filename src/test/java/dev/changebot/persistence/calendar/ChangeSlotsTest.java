package dev.changebot.persistence.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.port.ChangeSlots;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.schedule.ScheduledChange;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The changes around a time (read for every batch of message updates) against a workspace with 20,000 pending
 * changes planned an hour apart: the same answer as the rule read plainly, through the indexes made for it.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeSlotsTest {

    private static final Instant BASE = Instant.parse("2027-01-04T00:00:00Z");
    private static final String BASE_SQL = "timestamptz '2027-01-04 00:00Z'";
    private static final String HOUR_5000 = BASE_SQL + " + interval '5000 hours'";
    /** The rule as ChangeSlots states it, read plainly: what the indexed read must answer. */
    private static final String PLAIN = "SELECT number FROM change_request WHERE workspace_id = ?"
            + " AND state IN ('PENDING_APPROVAL', 'APPROVED', 'IN_PROGRESS', 'SOAKING')"
            + " AND (state IN ('IN_PROGRESS', 'SOAKING') OR (expected_duration_s > 0 AND proposed_start < ?"
            + " AND proposed_start + expected_duration_s * interval '1 second' > ?)) ORDER BY number";

    private final FakeSlackApi slack = FakeSlackApi.start();
    private TestDatabase db;
    private RunningApp app;

    @BeforeAll
    void backlog() throws SQLException {
        db = TestPostgres.freshDatabase();
        try (var connection = db.connect(); var sql = connection.createStatement()) {
            sql.execute(insert("'T1'", "n", "'PENDING_APPROVAL'", BASE_SQL + " + n * interval '1 hour'", "1800",
                    "generate_series(1, 20000) AS n"));
            // A 30-day window starting 20 days before hour 5,000; under way without a window, and far away.
            sql.execute(one("T1", 20001, "APPROVED", HOUR_5000 + " - interval '20 days'", "2592000"));
            sql.execute(one("T1", 20002, "IN_PROGRESS", "timestamptz '2020-01-01 00:00Z'", "NULL"));
            sql.execute(one("T1", 20003, "SOAKING", "timestamptz '2030-01-01 00:00Z'", "600"));
            // Over the same hours but finished, without a duration, or in another workspace.
            sql.execute(one("T1", 20004, "COMPLETED", HOUR_5000, "7200"));
            sql.execute(one("T1", 20005, "PENDING_APPROVAL", HOUR_5000, "NULL"));
            sql.execute(one("T2", 1, "PENDING_APPROVAL", HOUR_5000, "7200"));
            sql.execute("ANALYZE change_request");
        }
        app = RunningApp.start(db, slack);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    @DisplayName("the windows over the span, the long one started weeks before, and those under way; in number order")
    void theChangesAroundASpan() {
        var from = BASE.plus(Duration.ofHours(5000)).plus(Duration.ofMinutes(10));

        assertThat(numbers(around(from, from.plus(Duration.ofHours(1)), 11)))
                .containsExactly(5000L, 5001L, 20001L, 20002L, 20003L);
    }

    @Test
    @DisplayName("a window that ends as the span starts, or starts as it ends, does not overlap it")
    void edgesDoNotOverlap() {
        // Change 5,000 runs 5,000:00 to 5,000:30; change 5,001 starts at 5,001:00.
        var from = BASE.plus(Duration.ofHours(5000)).plus(Duration.ofMinutes(30));

        assertThat(numbers(around(from, BASE.plus(Duration.ofHours(5001)), 11)))
                .containsExactly(20001L, 20002L, 20003L);
    }

    @Test
    @DisplayName("more than the limit: as many as the limit, so the caller knows there are too many")
    void stopsAtTheLimit() {
        var from = BASE.plus(Duration.ofHours(100));

        assertThat(around(from, from.plus(Duration.ofHours(500)), 11)).hasSize(11);
    }

    @Test
    @DisplayName("the same changes as the rule read plainly, for 60 spans anywhere in the backlog")
    void sameAsThePlainReading() throws SQLException {
        var random = new Random(11);
        for (int i = 0; i < 60; i++) {
            var from = BASE.plus(Duration.ofMinutes(random.nextInt(20_100 * 60)));
            var until = from.plus(Duration.ofMinutes(1 + random.nextInt(i % 3 == 0 ? 600 : 90)));
            assertThat(numbers(around(from, until, 1000))).as("from %s until %s", from, until)
                    .isEqualTo(plainly(from, until));
        }
    }

    @ParameterizedTest(name = "plan_cache_mode {0}")
    @ValueSource(strings = {"force_custom_plan", "force_generic_plan"})
    @DisplayName("reads the indexes over changes under way and planned windows, not every open change, in either plan")
    void readsOnlyTheChangesAroundTheSpan(String planMode) throws SQLException {
        // The app's statement as PostgreSQL prepares it: $1..$7 for its parameters, in order.
        var numbered = new StringBuilder();
        int n = 0;
        for (char c : PostgresChangeSlots.AROUND.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        var plan = new StringBuilder();
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = " + planMode);
            statement.execute("PREPARE around(text, text, timestamptz, timestamptz, text, timestamptz, int) AS "
                    + numbered);
            try (var rows = statement.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE"
                    + " around('T1', 'T1', " + BASE_SQL + " + interval '5002 hours', " + HOUR_5000 + ", 'T1', "
                    + HOUR_5000 + ", 11)")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan).as(plan.toString()).contains("change_request_under_way", "change_request_planned",
                "change_request_planned_duration").doesNotContain("change_request_open", "Seq Scan");
        // The planned windows read are those starting in the span or in the 30 days before it (the longest planned
        // window): 722 of the 20,000, of which three overlap it.
        assertThat(plan.toString()).as(plan.toString())
                .containsPattern("Index Scan using change_request_planned on[^\\n]*rows=3 loops=1")
                .contains("Rows Removed by Filter: 719");
    }

    private List<ScheduledChange> around(Instant from, Instant until, int limit) {
        var slots = app.bean(ChangeSlots.class);
        return app.bean(Transactions.class).inTransaction(() -> slots.around("T1", from, until, limit));
    }

    private static List<Long> numbers(List<ScheduledChange> changes) {
        return changes.stream().map(change -> change.id().number()).toList();
    }

    private List<Long> plainly(Instant from, Instant until) throws SQLException {
        try (var connection = db.connect(); var statement = connection.prepareStatement(PLAIN)) {
            statement.setString(1, "T1");
            statement.setTimestamp(2, Timestamp.from(until));
            statement.setTimestamp(3, Timestamp.from(from));
            var numbers = new ArrayList<Long>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getLong(1));
                }
            }
            return numbers;
        }
    }

    private static String one(String workspace, long number, String state, String start, String seconds) {
        return insert("'" + workspace + "'", Long.toString(number), "'" + state + "'", start, seconds,
                "(VALUES (1)) AS v");
    }

    private static String insert(String workspace, String number, String state, String start, String seconds,
                                 String from) {
        return "INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,"
                + " description, systems_affected, environment, risk, implementation_plan, rollback_plan,"
                + " testing_evidence, proposed_start, expected_duration_s, requested_at, state, updated_at)"
                + " SELECT " + workspace + ", " + number + ", 'U1', 'C1', 'normal', 'change', 'd', 's', 'production',"
                + " 'LOW', 'i', 'r', 'e', " + start + ", " + seconds + ", now(), " + state + ", now() FROM " + from;
    }
}
