package dev.changebot.persistence.evidence;

import dev.changebot.domain.evidence.ConflictRecord;
import dev.changebot.domain.evidence.Period;
import dev.changebot.domain.schedule.Conflict;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The period's conflicts (change_conflict, V53) for conflicts.csv, on the evidence read's connection. */
final class ConflictQueries {

    private ConflictQueries() {
    }

    /** By when each was found, then by the pair and kind: a stable order for the same data. */
    static List<ConflictRecord> inPeriod(Connection connection, String workspaceId, Period period) throws SQLException {
        var found = new ArrayList<ConflictRecord>();
        try (var statement = connection.prepareStatement("SELECT change_low, change_high, requested, kind,"
                + " overlap_start, overlap_end, detected_at, rule FROM change_conflict WHERE workspace_id = ?"
                + " AND detected_at >= ? AND detected_at < ? ORDER BY detected_at, change_low, change_high, kind")) {
            statement.setString(1, workspaceId);
            statement.setTimestamp(2, Timestamp.from(period.from()));
            statement.setTimestamp(3, Timestamp.from(period.until()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    long requested = rows.getLong("requested");
                    long low = rows.getLong("change_low");
                    long other = requested == low ? rows.getLong("change_high") : low;
                    found.add(new ConflictRecord("CHG-" + requested, "CHG-" + other, label(rows.getString("kind")),
                            rows.getTimestamp("overlap_start").toInstant(), rows.getTimestamp("overlap_end").toInstant(),
                            rows.getTimestamp("detected_at").toInstant(), rows.getString("rule")));
                }
            }
        }
        return found;
    }

    /** The kind as people read it; a name a later version stored is kept as it is. */
    private static String label(String kind) {
        try {
            return Conflict.Kind.valueOf(kind).label();
        } catch (IllegalArgumentException unknown) {
            return kind;
        }
    }
}
