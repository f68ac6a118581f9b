package dev.changebot.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * A hand-built record for the metrics tests, written as the bot writes it (change_request,
 * change_event, deployment rows). November 2026 in Europe/Berlin (UTC+1) runs from
 * 2026-10-31T23:00Z to 2026-11-30T23:00Z; MetricsHistoryTest works out every expected value from it.
 */
public final class MetricsHistory {

    public static final String WORKSPACE = "T1";

    private final Connection connection;
    private final String workspace;

    private MetricsHistory(Connection connection, String workspace) {
        this.connection = connection;
        this.workspace = workspace;
    }

    /** Writes the November 2026 history into a migrated database, in workspace T1. */
    public static void november2026(TestDatabase db) {
        november2026(db, WORKSPACE);
    }

    /** Writes the November 2026 history into a migrated database, in the workspace given. */
    public static void november2026(TestDatabase db, String workspace) {
        try (var connection = db.connect()) {
            new MetricsHistory(connection, workspace).write();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write() throws SQLException {
        // CHG-1: two approval steps, deployed whole, completed; redeployed at the end of the month (Berlin) and after it.
        long c1 = change(1, "normal", "api", "production", "2026-11-02T08:00:00Z");
        event(c1, "ChangeApproved", "2026-11-02T09:00:00Z", "{\"step\":1,\"completes\":false,\"roles\":[\"tech-lead\"]}");
        event(c1, "ChangeApproved", "2026-11-02T10:00:00Z", "{\"step\":2,\"completes\":true,\"roles\":[\"sre\"]}");
        event(c1, "ChangeStarted", "2026-11-02T11:00:00Z", "{}");
        deployment(1L, "api", "production", "succeeded", null, "2026-11-02T11:30:00Z", "2026-11-02T12:00:00Z", null);
        event(c1, "ChangeFinished", "2026-11-02T13:00:00Z", "{\"outcome\":\"COMPLETED\"}");
        deployment(1L, "api", "production", "succeeded", null, null, "2026-11-30T22:30:00Z", null);
        deployment(1L, "api", "production", "succeeded", null, null, "2026-11-30T23:30:00Z", null);

        // CHG-2: deployed in three rollout steps, 25 % reported in Slack and by the pipeline.
        long c2 = change(2, "normal", "api", "production", "2026-11-03T08:00:00Z");
        event(c2, "ChangeApproved", "2026-11-03T08:30:00Z", "{\"step\":1,\"completes\":true,\"roles\":[\"tech-lead\"]}");
        event(c2, "ChangeDeployed", "2026-11-03T10:00:00Z", "{\"environment\":\"production 25%\"}");
        deployment(2L, "api", "production", "succeeded", 25, null, "2026-11-03T10:00:00Z", null);
        deployment(2L, "api", "production", "succeeded", 50, null, "2026-11-03T11:00:00Z", null);
        deployment(2L, "api", "production", "succeeded", 100, null, "2026-11-03T12:00:00Z", null);
        event(c2, "ChangeFinished", "2026-11-03T13:00:00Z", "{\"outcome\":\"COMPLETED\"}");

        // CHG-3: deployed successfully, then rolled back while its soak ran.
        long c3 = change(3, "normal", "web", "production", "2026-11-05T08:00:00Z");
        event(c3, "ChangeApproved", "2026-11-05T09:00:00Z", "{\"step\":1,\"completes\":true,\"roles\":[\"tech-lead\"]}");
        event(c3, "ChangeDeployed", "2026-11-05T10:00:00Z",
                "{\"environment\":\"production\",\"soakUntil\":\"2026-11-05T12:00:00Z\"}");
        deployment(3L, "web", "production", "succeeded", null, "2026-11-05T09:30:00Z", "2026-11-05T10:00:00Z", null);
        // Its rollback names a commit made after the change reached production: not where its lead time starts.
        deployment(3L, "web", "production", "rolled_back", null, null, "2026-11-05T11:00:00Z", null);
        codeTimes("2026-11-05T10:30:00Z", null);
        event(c3, "ChangeFinished", "2026-11-05T11:30:00Z", "{\"outcome\":\"ROLLED_BACK\"}");

        // CHG-4: a standard change, pre-approved when requested; its pipeline says the commit was made at 04:00
        // and its pull request opened at 05:00, so its lead time starts at 04:00, before the request.
        long c4 = change(4, "standard", "web", "production", "2026-11-06T08:00:00Z");
        event(c4, "ChangePreApproved", "2026-11-06T08:00:00Z", "{\"class\":\"standard\"}");
        deployment(4L, "web", "production", "succeeded", null, "2026-11-06T10:00:00Z", "2026-11-06T11:00:00Z", null);
        codeTimes("2026-11-06T04:00:00Z", "2026-11-06T05:00:00Z");
        event(c4, "ChangeFinished", "2026-11-06T12:00:00Z", "{\"outcome\":\"COMPLETED\"}");

        // CHG-5: started by override in a window, its deployment failed.
        long c5 = change(5, "normal", "api", "production", "2026-11-10T08:00:00Z");
        event(c5, "ChangeApproved", "2026-11-10T09:00:00Z", "{\"step\":1,\"completes\":true,\"roles\":[\"sre\"]}");
        event(c5, "ChangeStartedByOverride", "2026-11-10T09:30:00Z", "{\"justification\":\"hotfix\"}");
        deployment(5L, "api", "production", "failed", null, null, "2026-11-10T10:00:00Z", null);
        event(c5, "ChangeFinished", "2026-11-10T10:30:00Z", "{\"outcome\":\"FAILED\"}");

        // CHG-6: an emergency, deployed with no approval, owing follow-ups met on time, late, not at all.
        long c6 = change(6, "emergency", "api", "production", "2026-11-12T07:00:00Z");
        event(c6, "EmergencyDeclared", "2026-11-12T07:00:00Z", "{\"summary\":\"api down\"}");
        deployment(6L, "api", "production", "succeeded", null, "2026-11-12T09:00:00Z", "2026-11-12T10:00:00Z", null);
        event(c6, "ChangeFinished", "2026-11-12T11:00:00Z", "{\"outcome\":\"COMPLETED\"}");
        event(c6, "EmergencyResolved", "2026-11-12T12:00:00Z", "{}");
        // Each follow-up as the app writes it (label, roles, asks...): the Home reads the ones still owed.
        obligations(c6, """
                [{"name":"retrospective","label":"Retrospective","roles":[],"notDeclarer":false,"asks":[],
                  "dueAt":"2026-11-15T07:00:00Z","status":"SATISFIED","satisfiedAt":"2026-11-14T09:00:00Z"},
                 {"name":"post-mortem","label":"Post mortem","roles":[],"notDeclarer":false,"asks":[],
                  "dueAt":"2026-11-16T07:00:00Z","status":"SATISFIED","satisfiedAt":"2026-11-18T09:00:00Z"},
                 {"name":"timeline","label":"Timeline","roles":[],"notDeclarer":false,"asks":[],
                  "dueAt":"2026-11-20T07:00:00Z","status":"OVERDUE"},
                 {"name":"lessons","label":"Lessons","roles":[],"notDeclarer":false,"asks":[],
                  "dueAt":"2026-12-05T07:00:00Z","status":"SATISFIED","satisfiedAt":"2026-11-30T23:30:00Z"},
                 {"name":"audit","label":"Audit","roles":[],"notDeclarer":false,"asks":[],
                  "dueAt":"2026-12-10T07:00:00Z","status":"PENDING"}]""");

        // CHG-7: to staging only, approved in two steps, still open.
        long c7 = change(7, "normal", "web", "staging", "2026-11-20T08:00:00Z");
        event(c7, "ChangeApproved", "2026-11-20T10:00:00Z", "{\"step\":1,\"completes\":true,\"roles\":[\"tech-lead\"]}");
        deployment(7L, "web", "staging", "succeeded", null, null, "2026-11-20T11:00:00Z", null);

        // A deployment no change covers.
        deployment(null, "web", "production", "succeeded", null, null, "2026-11-25T10:00:00Z", "no change named");

        // The month's edges in Berlin: 00:30 on 1 November is in it, 23:30 on 31 October and 00:30 on 1 December are not.
        change(8, "normal", "api", "production", "2026-10-31T23:30:00Z");
        change(9, "standard", "api", "production", "2026-11-30T23:30:00Z");
        change(10, "normal", "api", "production", "2026-10-31T22:30:00Z");
    }

    /** Metrics read the events; the row is still one the app could have written, since lists and the Home map it. */
    private long change(long number, String className, String service, String environment, String requestedAt)
            throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,
                    environment, service, proposed_start, requested_at, state, updated_at)
                VALUES (?, ?, 'U1', 'C1', ?, ?, ?, ?, ?, ?, 'PENDING_APPROVAL', ?) RETURNING id""")) {
            var at = Timestamp.from(Instant.parse(requestedAt));
            insert.setString(1, workspace);
            insert.setLong(2, number);
            insert.setString(3, className);
            insert.setString(4, "change " + number);
            insert.setString(5, environment);
            insert.setString(6, service);
            insert.setTimestamp(7, at);
            insert.setTimestamp(8, at);
            insert.setTimestamp(9, at);
            try (var row = insert.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                event(id, "ChangeRequested", requestedAt, "{\"title\":\"change " + number + "\"}");
                return id;
            }
        }
    }

    private void event(long changeId, String type, String at, String details) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO change_event (change_id, workspace_id, type, actor_id,"
                + " occurred_at, details) VALUES (?, ?, ?, 'U1', ?, ?::jsonb)")) {
            insert.setLong(1, changeId);
            insert.setString(2, workspace);
            insert.setString(3, type);
            insert.setTimestamp(4, Timestamp.from(Instant.parse(at)));
            insert.setString(5, details);
            insert.executeUpdate();
        }
    }

    private void obligations(long changeId, String json) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE change_request SET obligations = ?::jsonb WHERE id = ?")) {
            update.setString(1, json);
            update.setLong(2, changeId);
            update.executeUpdate();
        }
    }

    /** The commit and pull-request times of the deployment written last, as a pipeline reports them. */
    private void codeTimes(String committedAt, String prOpenedAt) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE deployment SET committed_at = ?, pr_opened_at = ?"
                + " WHERE id = (SELECT max(id) FROM deployment)")) {
            update.setTimestamp(1, committedAt == null ? null : Timestamp.from(Instant.parse(committedAt)));
            update.setTimestamp(2, prOpenedAt == null ? null : Timestamp.from(Instant.parse(prOpenedAt)));
            update.executeUpdate();
        }
    }

    private void deployment(Long change, String service, String environment, String status, Integer percent,
                            String startedAt, String reportedAt, String uncoveredWhy) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO deployment (workspace_id, source, reported_by, change_number, service, environment, status,
                    percent, started_at, reported_at, covered, uncovered_why)
                VALUES (?, 'api', 'ci', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, workspace);
            if (change == null) {
                insert.setNull(2, Types.BIGINT);
            } else {
                insert.setLong(2, change);
            }
            insert.setString(3, service);
            insert.setString(4, environment);
            insert.setString(5, status);
            if (percent == null) {
                insert.setNull(6, Types.INTEGER);
            } else {
                insert.setInt(6, percent);
            }
            insert.setTimestamp(7, startedAt == null ? null : Timestamp.from(Instant.parse(startedAt)));
            insert.setTimestamp(8, Timestamp.from(Instant.parse(reportedAt)));
            insert.setBoolean(9, uncoveredWhy == null);
            insert.setString(10, uncoveredWhy);
            insert.executeUpdate();
        }
    }
}
