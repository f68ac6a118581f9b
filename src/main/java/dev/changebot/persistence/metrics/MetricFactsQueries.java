package dev.changebot.persistence.metrics;

import dev.changebot.domain.metrics.ChangeFact;
import dev.changebot.domain.metrics.DeploymentFact;
import dev.changebot.domain.metrics.MetricFacts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The reads behind a metrics report, on one connection (the caller holds the snapshot): the changes
 * that matter to the span with the times of their events and their approvals, the follow-ups they
 * owe, and the deployments reported from its start on with what their change says. Everything is read from recorded facts (change_request,
 * change_event, deployment), never from counters.
 */
final class MetricFactsQueries {

    /**
     * A change matters when it was requested in the span or anything happened to it (or fell due) from its start on.
     * Its events are read in one pass (one index scan of change_event_by_change per change), every time the metrics
     * need aggregated from it, its approvals as three parallel arrays (step, moment, roles joined by commas: role
     * ids are identifiers).
     */
    private static final String CHANGES = """
            SELECT c.id, c.number, c.class_name, c.service, c.environment, c.requested_at,
              ev.first_approval, ev.fully_approved, coalesce(ev.emergency, false) AS emergency, ev.override_at,
              ev.production_deployed,
              CASE WHEN coalesce(ev.last_soak_completed, 0) < ev.last_deployed THEN ev.last_soak_until END AS open_soak_until,
              ev.outcome, ev.finished_at, ev.approval_steps, ev.approval_times, ev.approval_roles,
              EXISTS (SELECT 1 FROM incident_change ic WHERE ic.workspace_id = c.workspace_id
                 AND ic.change_number = c.number AND ic.link = 'CAUSE') AS caused_incident
            FROM change_request c
            CROSS JOIN LATERAL (SELECT
                min(e.occurred_at) FILTER (WHERE e.type = 'ChangeApproved') AS first_approval,
                min(e.occurred_at) FILTER (WHERE e.type = 'ChangePreApproved'
                    OR e.type = 'ChangeApproved' AND (e.details ->> 'completes')::boolean) AS fully_approved,
                bool_or(e.type = 'EmergencyDeclared') AS emergency,
                min(e.occurred_at) FILTER (WHERE e.type = 'ChangeStartedByOverride') AS override_at,
                min(e.occurred_at) FILTER (WHERE e.type = 'ChangeDeployed' AND (e.details ->> 'environment' = 'production'
                    OR e.details ->> 'environment' LIKE 'production %')) AS production_deployed,
                max(e.id) FILTER (WHERE e.type = 'ChangeDeployed') AS last_deployed,
                max(e.id) FILTER (WHERE e.type = 'ChangeSoakCompleted') AS last_soak_completed,
                (array_agg((e.details ->> 'soakUntil')::timestamptz ORDER BY e.id DESC)
                    FILTER (WHERE e.type = 'ChangeDeployed'))[1] AS last_soak_until,
                (array_agg(e.details ->> 'outcome' ORDER BY e.id DESC) FILTER (WHERE e.type = 'ChangeFinished'))[1] AS outcome,
                (array_agg(e.occurred_at ORDER BY e.id DESC) FILTER (WHERE e.type = 'ChangeFinished'))[1] AS finished_at,
                array_agg((e.details ->> 'step')::int ORDER BY e.id) FILTER (WHERE e.type = 'ChangeApproved') AS approval_steps,
                array_agg(e.occurred_at ORDER BY e.id) FILTER (WHERE e.type = 'ChangeApproved') AS approval_times,
                array_agg(CASE WHEN jsonb_typeof(e.details -> 'roles') = 'array' THEN (SELECT string_agg(r, ',')
                    FROM jsonb_array_elements_text(e.details -> 'roles') r) END ORDER BY e.id)
                    FILTER (WHERE e.type = 'ChangeApproved') AS approval_roles
              FROM change_event e WHERE e.change_id = c.id) ev
            WHERE c.workspace_id = ? AND c.requested_at < ? AND (c.requested_at >= ?
              OR EXISTS (SELECT 1 FROM change_event e WHERE e.change_id = c.id AND e.occurred_at >= ?)
              OR EXISTS (SELECT 1 FROM deployment d WHERE d.workspace_id = c.workspace_id AND d.change_number = c.number
                         AND d.reported_at >= ?)
              OR jsonb_typeof(c.obligations) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.obligations) o
                         WHERE (o ->> 'dueAt')::timestamptz >= ?))
            ORDER BY c.number""";

    private static final String FOLLOW_UPS = """
            SELECT c.number, o ->> 'name' AS name, (o ->> 'dueAt')::timestamptz AS due,
                   (o ->> 'satisfiedAt')::timestamptz AS satisfied
              FROM change_request c, jsonb_array_elements(c.obligations) WITH ORDINALITY AS x(o, n)
             WHERE c.workspace_id = ? AND c.number = ANY(?) AND jsonb_typeof(c.obligations) = 'array'
             ORDER BY c.number, x.n""";

    /**
     * With its change's class. When that change was fully approved (for bypasses) is taken from the
     * changes read: every deployment in the span is of a change requested before its end, which the
     * changes' query reads since the deployment names it; later ones only tell recoveries.
     */
    private static final String DEPLOYMENTS = """
            SELECT d.id, d.change_number, c.class_name, d.service, d.environment, d.status, d.percent, d.started_at,
                   d.reported_at, d.covered, LEAST(d.committed_at, d.pr_opened_at) AS code_at
              FROM deployment d
              LEFT JOIN change_request c ON c.workspace_id = d.workspace_id AND c.number = d.change_number
             WHERE d.workspace_id = ? AND d.reported_at >= ?
             ORDER BY d.reported_at, d.id""";

    private final Connection connection;

    MetricFactsQueries(Connection connection) {
        this.connection = connection;
    }

    MetricFacts read(String workspaceId, Instant from, Instant until) throws SQLException {
        var read = new ArrayList<ChangeFact>();
        try (var statement = connection.prepareStatement(CHANGES)) {
            statement.setString(1, workspaceId);
            statement.setTimestamp(2, Timestamp.from(until));
            for (int i = 3; i <= 6; i++) {
                statement.setTimestamp(i, Timestamp.from(from));
            }
            try (var row = statement.executeQuery()) {
                while (row.next()) {
                    read.add(new ChangeFact(row.getLong("number"), row.getString("class_name"), row.getString("service"),
                            row.getString("environment"), at(row, "requested_at"), at(row, "first_approval"),
                            at(row, "fully_approved"), row.getBoolean("emergency"), at(row, "override_at"),
                            at(row, "production_deployed"), at(row, "open_soak_until"), row.getString("outcome"),
                            at(row, "finished_at"), List.of(), approvals(row), row.getBoolean("caused_incident")));
                }
            }
        }
        var numbers = read.stream().map(ChangeFact::number).toArray(Long[]::new);
        var followUps = followUps(workspaceId, numbers);
        var changes = read.stream().map(c -> c.owing(followUps.getOrDefault(c.number(), List.of()))).toList();
        var approvedAt = new HashMap<Long, Instant>();
        changes.forEach(c -> approvedAt.put(c.number(), c.fullyApprovedAt()));
        return new MetricFacts(changes, deployments(workspaceId, from, approvedAt));
    }

    private HashMap<Long, List<ChangeFact.FollowUp>> followUps(String workspaceId, Long[] numbers) throws SQLException {
        var byChange = new HashMap<Long, List<ChangeFact.FollowUp>>();
        if (numbers.length == 0) {
            return byChange;
        }
        try (var statement = connection.prepareStatement(FOLLOW_UPS)) {
            statement.setString(1, workspaceId);
            statement.setArray(2, connection.createArrayOf("bigint", numbers));
            try (var row = statement.executeQuery()) {
                while (row.next()) {
                    byChange.computeIfAbsent(row.getLong("number"), n -> new ArrayList<>()).add(
                            new ChangeFact.FollowUp(row.getString("name"), at(row, "due"), at(row, "satisfied")));
                }
            }
        }
        return byChange;
    }

    /** The change's approvals from the three arrays of CHANGES; none when it has none (the arrays are null). */
    private static List<ChangeFact.Approval> approvals(ResultSet row) throws SQLException {
        var steps = row.getArray("approval_steps");
        if (steps == null) {
            return List.of();
        }
        var step = (Integer[]) steps.getArray();
        var times = (Timestamp[]) row.getArray("approval_times").getArray();
        var roles = (String[]) row.getArray("approval_roles").getArray();
        var approvals = new ArrayList<ChangeFact.Approval>(step.length);
        for (int i = 0; i < step.length; i++) {
            approvals.add(new ChangeFact.Approval(step[i] == null ? 0 : step[i], times[i].toInstant(),
                    roles[i] == null || roles[i].isEmpty() ? List.of() : List.of(roles[i].split(","))));
        }
        return approvals;
    }

    private List<DeploymentFact> deployments(String workspaceId, Instant from, java.util.Map<Long, Instant> approvedAt)
            throws SQLException {
        var deployments = new ArrayList<DeploymentFact>();
        try (var statement = connection.prepareStatement(DEPLOYMENTS)) {
            statement.setString(1, workspaceId);
            statement.setTimestamp(2, Timestamp.from(from));
            try (var row = statement.executeQuery()) {
                while (row.next()) {
                    long change = row.getLong("change_number");
                    Long changeNumber = row.wasNull() ? null : change;
                    int percent = row.getInt("percent");
                    Integer step = row.wasNull() ? null : percent;
                    deployments.add(new DeploymentFact(row.getLong("id"), changeNumber, row.getString("class_name"),
                            row.getString("service"), row.getString("environment"), row.getString("status"), step,
                            at(row, "started_at"), at(row, "reported_at"), row.getBoolean("covered"),
                            changeNumber == null ? null : approvedAt.get(changeNumber),
                            at(row, "code_at")));
                }
            }
        }
        return deployments;
    }

    List<String> workspaces() throws SQLException {
        var workspaces = new ArrayList<String>();
        try (var statement = connection.prepareStatement("SELECT workspace_id FROM change_request UNION"
                + " SELECT workspace_id FROM deployment ORDER BY 1"); var row = statement.executeQuery()) {
            while (row.next()) {
                workspaces.add(row.getString(1));
            }
        }
        return workspaces;
    }

    private static Instant at(ResultSet row, String column) throws SQLException {
        var timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
