package dev.changebot.persistence.evidence;

import dev.changebot.domain.evidence.ConflictRecord;
import dev.changebot.domain.evidence.Period;
import dev.changebot.domain.schedule.Conflict;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The period's conflicts (change_conflict, V53) for conflicts.csv, on the evidence read's connection. */
final class ConflictQueries {

    private ConflictQueries() {
    }

    /** Each recorded pair and kind, then each request's count of the rest; by when found, then by the requesting change. */
    static List<ConflictRecord> inPeriod(Connection connection, String workspaceId, Period period) throws SQLException {
        var found = new ArrayList<ConflictRecord>();
        read(connection, "SELECT change_low, change_high, requested, kind, overlap_start, overlap_end, detected_at, rule"
                + " FROM change_conflict WHERE workspace_id = ? AND detected_at >= ? AND detected_at < ?"
                + " ORDER BY detected_at, change_low, change_high, kind", workspaceId, period, rows -> {
                    long requested = rows.getLong("requested");
                    long low = rows.getLong("change_low");
                    long other = requested == low ? rows.getLong("change_high") : low;
                    found.add(new ConflictRecord("CHG-" + requested, "CHG-" + other, label(rows.getString("kind")),
                            rows.getTimestamp("overlap_start").toInstant(), rows.getTimestamp("overlap_end").toInstant(),
                            rows.getTimestamp("detected_at").toInstant(), rows.getString("rule")));
                });
        // A request's conflicts beyond those recorded pair by pair (V54), one row each: "N more changes (not
        // listed)", their kinds and the time they span.
        read(connection, "SELECT change_number, other_changes, kinds, span_start, span_end, detected_at, rule"
                + " FROM change_conflict_unlisted WHERE workspace_id = ? AND detected_at >= ? AND detected_at < ?"
                + " ORDER BY detected_at, change_number", workspaceId, period, rows -> {
                    int others = rows.getInt("other_changes");
                    var kinds = Arrays.stream(rows.getString("kinds").split(",")).map(ConflictQueries::label).toList();
                    found.add(new ConflictRecord("CHG-" + rows.getLong("change_number"), others + " more "
                            + (others == 1 ? "change" : "changes") + " (not listed)", String.join("; ", kinds),
                            rows.getTimestamp("span_start").toInstant(), rows.getTimestamp("span_end").toInstant(),
                            rows.getTimestamp("detected_at").toInstant(), rows.getString("rule")));
                });
        // Stable for the same data (the sort keeps each query's own order among equals).
        found.sort(Comparator.comparing(ConflictRecord::detectedAt).thenComparingLong(ConflictQueries::number));
        return found;
    }

    /** One row of a query. */
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /** Runs {@code sql} (its parameters: the workspace, the period's start and end) and reads each row. */
    private static void read(Connection connection, String sql, String workspaceId, Period period, RowReader reader)
            throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspaceId);
            statement.setTimestamp(2, Timestamp.from(period.from()));
            statement.setTimestamp(3, Timestamp.from(period.until()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static long number(ConflictRecord record) {
        return Long.parseLong(record.change().substring("CHG-".length()));
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
