package dev.changebot.persistence.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ChangeState;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import io.micronaut.data.annotation.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The open-change queries read the partial indexes over open changes, never the history, even as
 * the generic plans PostgreSQL switches prepared statements to: the repository's own SQL, planned
 * generically against 20,000 finished changes and 60 open ones.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenChangeQueriesTest {

    private static final Pattern PARAMETER = Pattern.compile(":([a-zA-Z]+)");

    private TestDatabase db;

    @BeforeAll
    void history() throws SQLException {
        db = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).load().migrate();
        try (var connection = db.connect(); var sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,
                        description, systems_affected, environment, risk, implementation_plan, rollback_plan,
                        testing_evidence, proposed_start, expected_duration_s, requested_at, state, updated_at)
                    SELECT 'T1', n, 'U' || (n % 50), 'C1', 'normal', 'change ' || n, 'd', 's', 'production', 'LOW',
                           'i', 'r', 'e', now(), 60, now(),
                           CASE WHEN n > 20000 THEN (ARRAY['PENDING_APPROVAL', 'APPROVED', 'IN_PROGRESS'])[n % 3 + 1]
                                ELSE (ARRAY['COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED', 'ROLLED_BACK', 'CLOSED'])[n % 6 + 1]
                           END, now()
                      FROM generate_series(1, 20060) AS n""");
            sql.execute("ANALYZE change_request");
        }
    }

    @Test
    @DisplayName("the SQL condition for an open change names exactly the states that are not open")
    void openConditionMatchesTheStates() {
        var finished = Arrays.stream(ChangeState.values()).filter(s -> !s.isOpen())
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        assertThat(OpenStateSql.OPEN).isEqualTo("state NOT IN (" + finished + ")");
        assertThat(OpenStateSql.AWAITING).isEqualTo("state = '" + ChangeState.PENDING_APPROVAL.name() + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"findOpen", "countOpen", "findOpenPage", "countOpenRequestedBy", "findOpenRequestedBy",
            "findAwaitingApprovalAfter", "findAwaitingApproval", "findOpenAfter", "countOpenAfter", "countedPage"})
    @DisplayName("reads a partial index over open changes, never the whole table, in its generic plan")
    void usesAPartialIndex(String method) throws SQLException {
        var plan = genericPlan(sqlOf(method));

        assertThat(plan).as(plan).containsPattern("change_request_(open|open_by_requester|awaiting)\\b")
                .doesNotContain("Seq Scan");
    }

    @Test
    @DisplayName("a page far into the open changes fetches only its own rows")
    void pageIsReadByKeyset() throws SQLException {
        var plan = analyzed(sqlOf("findOpenPage").replace(":workspaceId", "'T1'").replace(":skip", "30")
                .replace(":limit", "30"));

        assertThat(plan).as(plan).contains("Index Only Scan using change_request_open").doesNotContain("Seq Scan");
        assertThat(rowsOfTheOuterScan(plan)).isEqualTo(30);
    }

    @Test
    @DisplayName("a list's page and count in one statement: the page's rows with the count on each, or one row of the count alone past the end")
    void countedPage() throws SQLException {
        var sql = ChangeSql.countedPage(30, 20, 1001).replace(":workspaceId", "'T1'");
        try (var connection = db.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            var numbers = new ArrayList<Long>();
            while (rows.next()) {
                numbers.add(rows.getLong("number"));
                assertThat(rows.getLong("n")).isEqualTo(60);
            }
            assertThat(numbers).hasSize(20).startsWith(20031L).endsWith(20050L);
        }
        try (var connection = db.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery(ChangeSql.countedPage(90, 20, 25).replace(":workspaceId", "'T1'"))) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getObject("id")).isNull();
            assertThat(rows.getLong("n")).as("counted up to its limit").isEqualTo(25);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    @DisplayName("a list's statement keeps its generic plan: not planned again at every execution, as with LIMIT as a parameter")
    void countedPageIsPlannedOnce() throws SQLException {
        // A workspace with a backlog of 20,000 open changes, alone (5,000 are not enough): where a limit given as a parameter
        // makes PostgreSQL plan the statement again at every execution.
        var backlog = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(backlog.url(), backlog.user(), backlog.password()).load().migrate();
        try (var connection = backlog.connect(); var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,
                        environment, proposed_start, requested_at, state, updated_at)
                    SELECT 'T2', n, 'U1', 'C1', 'normal', 'change ' || n, 'production', now(), now(), 'PENDING_APPROVAL', now()
                      FROM generate_series(1, 20000) AS n""");
            statement.execute("ANALYZE change_request");
            statement.execute("PREPARE listed(text) AS " + ChangeSql.countedPage(0, 20, 1001).replace(":workspaceId", "$1"));
            statement.execute("PREPARE counted(text, bigint) AS " + sqlOf("countOpen").replace(":workspaceId", "$1")
                    .replace(":limit", "$2"));
            for (int i = 0; i < 8; i++) {
                statement.execute("EXECUTE listed('T2')");
                statement.execute("EXECUTE counted('T2', 1001)");
            }
            var plans = new LinkedHashMap<String, Long>();
            try (var rows = statement.executeQuery("SELECT name, generic_plans FROM pg_prepared_statements")) {
                while (rows.next()) {
                    plans.put(rows.getString(1), rows.getLong(2));
                }
            }
            assertThat(plans.get("listed")).as("generic executions of the list's statement").isGreaterThanOrEqualTo(3);
            // What the list ran before: a count with its limit as a parameter, planned anew every time.
            assertThat(plans.get("counted")).as("generic executions of a count limited by a parameter").isZero();
        }
    }

    @Test
    @DisplayName("the counts of open changes stop at their limit, reading no further in the index")
    void countsStopAtTheirLimit() throws SQLException {
        String count = sqlOf("countOpen").replace(":workspaceId", "'T1'");
        String after = sqlOf("countOpenAfter").replace(":workspaceId", "'T1'").replace(":after", "20030");

        assertThat(single(count.replace(":limit", "25"))).isEqualTo(25);
        assertThat(single(count.replace(":limit", "1001"))).isEqualTo(60);
        assertThat(single(after.replace(":limit", "10"))).isEqualTo(10);
        assertThat(single(after.replace(":limit", "1001"))).isEqualTo(30);
        var plan = analyzed(count.replace(":limit", "25"));
        assertThat(plan).as(plan).contains("Index Only Scan using change_request_open").doesNotContain("Seq Scan");
        assertThat(plan).as(plan).containsPattern("Index Only Scan using change_request_open[^\\n]*rows=25\\b");
    }

    private long single(String sql) throws SQLException {
        try (var connection = db.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The SQL the app runs for a read: the repository's query, or for the reads that return changes, {@link ChangeSql}'s. */
    private static String sqlOf(String method) {
        var mappedByHand = Map.of("findOpenPage", ChangeSql.OPEN_PAGE, "findOpenAfter", ChangeSql.OPEN_AFTER,
                "findOpenRequestedBy", ChangeSql.OPEN_REQUESTED_BY, "findAwaitingApproval", ChangeSql.AWAITING_APPROVAL,
                "findAwaitingApprovalAfter", ChangeSql.AWAITING_APPROVAL_AFTER,
                "countedPage", ChangeSql.countedPage(0, 20, 1001));
        if (mappedByHand.containsKey(method)) {
            return mappedByHand.get(method);
        }
        return Arrays.stream(ChangeRowRepository.class.getMethods()).filter(m -> m.getName().equals(method))
                .findFirst().orElseThrow().getAnnotation(Query.class).value();
    }

    /** The plan PostgreSQL uses once a prepared statement has gone generic: parameters unknown. */
    private String genericPlan(String sql) throws SQLException {
        var names = new LinkedHashMap<String, Integer>();
        var matcher = PARAMETER.matcher(sql);
        var numbered = new StringBuilder();
        while (matcher.find()) {
            int n = names.computeIfAbsent(matcher.group(1), k -> names.size() + 1);
            matcher.appendReplacement(numbered, "\\$" + n);
        }
        matcher.appendTail(numbered);
        var values = new ArrayList<String>();
        for (var name : names.keySet()) {
            values.add(switch (name) {
                case "workspaceId" -> "'T1'";
                case "requesterId" -> "'U7'";
                case "requestedBy" -> "now()";
                default -> "20";
            });
        }
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE q AS " + numbered);
            return lines(statement, "EXPLAIN EXECUTE q" + (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")"));
        }
    }

    private String analyzed(String sql) throws SQLException {
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            return lines(statement, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql);
        }
    }

    private static String lines(java.sql.Statement statement, String sql) throws SQLException {
        var lines = new ArrayList<String>();
        try (var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    /** Rows the page's own index scan returned: the line of the outer "Index Scan using change_request_open". */
    private static int rowsOfTheOuterScan(String plan) {
        return List.of(plan.split("\n")).stream().filter(l -> l.contains("Index Scan using change_request_open"))
                .map(l -> Pattern.compile("rows=(\\d+)").matcher(l)).filter(java.util.regex.Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).findFirst().orElseThrow();
    }
}
