package dev.changebot.persistence;

import dev.changebot.application.port.CalendarStates;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.IncidentSpan;
import dev.changebot.domain.policy.Policy;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Declared freezes not yet lifted, as spans (one without an end runs until someone lifts it), and the
 * incidents that freeze: emergencies declared with a severity, and incidents recorded from a tool or Slack.
 */
@Singleton
class DeclaredFreezeCalendar implements CalendarStates {

    /** "Until lifted" reaches past any horizon the calendar looks at. */
    static final Duration UNTIL_LIFTED = Duration.ofDays(3650);

    /**
     * Emergencies under way, or waiting for their approval to go ahead, with a severity: the open
     * incidents the policy's active-incident freezes watch.
     */
    private static final String INCIDENTS = """
            SELECT severity, requested_at FROM change_request
             WHERE workspace_id = ? AND incident_commander IS NOT NULL AND severity IS NOT NULL
               AND state IN ('PENDING_APPROVAL', 'IN_PROGRESS')""";

    private static final String ACTIVE = """
            SELECT starts_at, ends_at FROM declared_freeze
             WHERE workspace_id = ? AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > ?)""";

    private final JdbcOperations jdbc;
    private final PostgresIncidents incidents;
    private final Policy policy;

    DeclaredFreezeCalendar(JdbcOperations jdbc, PostgresIncidents incidents, Policy policy) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.policy = policy;
    }

    /** Recorded incidents still freezing: open ones, and resolved ones within the policy's cool-down. */
    private List<IncidentSpan> recordedIncidents(String workspaceId, Instant now) {
        var coolDown = policy.incidentMapping().coolDown();
        return incidents.notThawed(workspaceId).stream()
                .flatMap(incident -> incident.freezeSpan(coolDown, now, now.plus(UNTIL_LIFTED)).stream()).toList();
    }

    private Map<String, List<TimeSpan>> openIncidents(String workspaceId, Instant now) {
        return jdbc.prepareStatement(INCIDENTS, statement -> {
            try {
                statement.setString(1, workspaceId);
                var bySeverity = new java.util.HashMap<String, List<TimeSpan>>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        var since = rows.getTimestamp("requested_at").toInstant();
                        // Open until resolved: the span reaches past any horizon the calendar looks at.
                        bySeverity.computeIfAbsent(rows.getString("severity"), s -> new ArrayList<>())
                                .add(new TimeSpan(since, now.plus(UNTIL_LIFTED)));
                    }
                }
                return bySeverity;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the open incidents", e);
            }
        });
    }

    @Override
    public CalendarState forChange(CalendarState state, String workspaceId, long changeNumber) {
        if (state.incidents().isEmpty()) {
            return state;
        }
        return state.remediating(incidents.linkedTo(workspaceId, changeNumber,
                dev.changebot.application.port.Incidents.Link.REMEDIATION));
    }

    @Override
    public CalendarState at(String workspaceId, Instant now) {
        return jdbc.prepareStatement(ACTIVE, statement -> {
            try {
                statement.setString(1, workspaceId);
                statement.setObject(2, java.sql.Timestamp.from(now));
                var spans = new ArrayList<TimeSpan>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        var start = rows.getTimestamp("starts_at").toInstant();
                        var end = rows.getTimestamp("ends_at");
                        spans.add(new TimeSpan(start, end == null ? now.plus(UNTIL_LIFTED) : end.toInstant()));
                    }
                }
                return new CalendarState(List.copyOf(spans), openIncidents(workspaceId, now),
                        recordedIncidents(workspaceId, now));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the declared freezes", e);
            }
        });
    }
}
