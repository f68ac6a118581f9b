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
 * The two reads behind a metrics report, on one connection (the caller holds the snapshot): the
 * changes that matter to the span with the times of their events, and the deployments reported from
 * its start on with what their change says. Everything is read from recorded facts (change_request,
 * change_event, deployment), never from counters.
 */
final class MetricFactsQueries {

    /** A change matters when it was requested in the span or anything happened to it (or fell due) from its start on. */
    private static final String CHANGES = """
            SELECT c.id, c.number, c.class_name, c.service, c.environment, c.requested_at,
              (SELECT min(e.occurred_at) FROM change_event e WHERE e.change_id = c.id AND e.type = 'ChangeApproved') AS first_approval,
              (SELECT min(e.occurred_at) FROM change_event e WHERE e.change_id = c.id AND (e.type = 'ChangePreApproved'
                 OR e.type = 'ChangeApproved' AND (e.details ->> 'completes')::boolean)) AS fully_approved,
              EXISTS (SELECT 1 FROM change_event e WHERE e.change_id = c.id AND e.type = 'EmergencyDeclared') AS emergency,
              (SELECT min(e.occurred_at) FROM change_event e WHERE e.change_id = c.id AND e.type = 'ChangeStartedByOverride') AS override_at,
              (SELECT min(e.occurred_at) FROM change_event e WHERE e.change_id = c.id AND e.type = 'ChangeDeployed'
                 AND (e.details ->> 'environment' = 'production' OR e.details ->> 'environment' LIKE 'production %')) AS production_deployed,
              (SELECT (d.details ->> 'soakUntil')::timestamptz FROM change_event d WHERE d.change_id = c.id AND d.type = 'ChangeDeployed'
                 AND NOT EXISTS (SELECT 1 FROM change_event s WHERE s.change_id = c.id AND s.type = 'ChangeSoakCompleted' AND s.id > d.id)
                 ORDER BY d.id DESC LIMIT 1) AS open_soak_until,
              f.details ->> 'outcome' AS outcome, f.occurred_at AS finished_at, c.obligations::text AS obligations,
              EXISTS (SELECT 1 FROM incident_change ic WHERE ic.workspace_id = c.workspace_id
                 AND ic.change_number = c.number AND ic.link = 'CAUSE') AS caused_incident
            FROM change_request c
            LEFT JOIN LATERAL (SELECT e.details, e.occurred_at FROM change_event e WHERE e.change_id = c.id
                 AND e.type = 'ChangeFinished' ORDER BY e.id DESC LIMIT 1) f ON true
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

    /** Its change's class and the moment that change was fully approved, for bypasses. */
    private static final String DEPLOYMENTS = """
            SELECT d.id, d.change_number, c.class_name, d.service, d.environment, d.status, d.percent, d.started_at,
                   d.reported_at, d.covered,
                   (SELECT min(e.occurred_at) FROM change_event e WHERE e.change_id = c.id AND (e.type = 'ChangePreApproved'
                      OR e.type = 'ChangeApproved' AND (e.details ->> 'completes')::boolean)) AS approved_at
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
                            at(row, "finished_at"), List.of(), row.getBoolean("caused_incident")));
                }
            }
        }
        var followUps = followUps(workspaceId, read.stream().map(ChangeFact::number).toArray(Long[]::new));
        var changes = read.stream().map(c -> c.owing(followUps.getOrDefault(c.number(), List.of()))).toList();
        return new MetricFacts(changes, deployments(workspaceId, from));
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

    private List<DeploymentFact> deployments(String workspaceId, Instant from) throws SQLException {
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
                            at(row, "started_at"), at(row, "reported_at"), row.getBoolean("covered"), at(row, "approved_at")));
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
