package dev.changebot.persistence.evidence;

import dev.changebot.domain.evidence.IncidentRecord;
import dev.changebot.domain.evidence.Period;
import dev.changebot.domain.incident.IncidentSource;
import dev.changebot.domain.incident.IncidentStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The incidents of an evidence pack (V46, V51, V52), read in the caller's snapshot: every incident open
 * at any time in the period — triggered before its end, and not resolved before its start — with
 * the changes linked to it.
 */
final class IncidentEvidence {

    private static final String SQL = "SELECT i.number, i.source, i.external_key, i.title, i.severity, i.raw_severity,"
            + " i.services, i.all_services, i.status, i.links, i.opened_at, i.acknowledged_at, i.resolved_at, i.reopened_at,"
            + " ARRAY(SELECT c.change_number FROM incident_change c WHERE c.workspace_id = i.workspace_id"
            + " AND c.number = i.number AND c.link = 'REMEDIATION' ORDER BY c.change_number) AS remediations,"
            + " ARRAY(SELECT c.change_number FROM incident_change c WHERE c.workspace_id = i.workspace_id"
            + " AND c.number = i.number AND c.link = 'CAUSE' ORDER BY c.change_number) AS causes"
            + " FROM incident i WHERE i.workspace_id = ? AND i.opened_at < ? AND (i.resolved_at IS NULL OR i.resolved_at > ?)"
            + " ORDER BY i.number";

    private IncidentEvidence() {
    }

    static List<IncidentRecord> read(Connection connection, String workspaceId, Period period) throws SQLException {
        var found = new ArrayList<IncidentRecord>();
        try (var statement = connection.prepareStatement(SQL)) {
            statement.setString(1, workspaceId);
            statement.setTimestamp(2, Timestamp.from(period.until()));
            statement.setTimestamp(3, Timestamp.from(period.from()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new IncidentRecord(rows.getLong("number"),
                            IncidentSource.valueOf(rows.getString("source")).label(), rows.getString("external_key"),
                            rows.getString("title"), rows.getString("severity"), rows.getString("raw_severity"),
                            strings(rows, "services"), rows.getBoolean("all_services"),
                            IncidentStatus.valueOf(rows.getString("status")).name().toLowerCase(Locale.ROOT),
                            rows.getTimestamp("opened_at").toInstant(), instant(rows, "acknowledged_at"),
                            instant(rows, "resolved_at"), instant(rows, "reopened_at"), strings(rows, "links"),
                            numbers(rows, "remediations"), numbers(rows, "causes")));
                }
            }
        }
        return found;
    }

    private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        var array = rows.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> numbers(ResultSet rows, String column) throws SQLException {
        var array = rows.getArray(column);
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }
}
