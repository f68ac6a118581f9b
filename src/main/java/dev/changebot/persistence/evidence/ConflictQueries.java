package dev.changebot.persistence.evidence;

import dev.changebot.domain.evidence.ConflictRecord;
import dev.changebot.domain.evidence.Period;
import dev.changebot.domain.schedule.Conflict;
import java.sql.Connection;
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
        found.addAll(unlistedInPeriod(connection, workspaceId, period));
        // Stable for the same data: by when found, then by the change whose request found it.
        found.sort(Comparator.comparing(ConflictRecord::detectedAt).thenComparingLong(ConflictQueries::number));
        return found;
    }

    /**
     * A request's conflicts beyond those recorded pair by pair (V54), one row each: "N more changes (not
     * listed)", their kinds and the time they span.
     */
    private static List<ConflictRecord> unlistedInPeriod(Connection connection, String workspaceId, Period period)
            throws SQLException {
        var found = new ArrayList<ConflictRecord>();
        try (var statement = connection.prepareStatement("SELECT change_number, other_changes, kinds, span_start,"
                + " span_end, detected_at, rule FROM change_conflict_unlisted WHERE workspace_id = ?"
                + " AND detected_at >= ? AND detected_at < ? ORDER BY detected_at, change_number")) {
            statement.setString(1, workspaceId);
            statement.setTimestamp(2, Timestamp.from(period.from()));
            statement.setTimestamp(3, Timestamp.from(period.until()));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    int others = rows.getInt("other_changes");
                    var kinds = Arrays.stream(rows.getString("kinds").split(",")).map(ConflictQueries::label).toList();
                    found.add(new ConflictRecord("CHG-" + rows.getLong("change_number"), others + " more "
                            + (others == 1 ? "change" : "changes") + " (not listed)", String.join("; ", kinds),
                            rows.getTimestamp("span_start").toInstant(), rows.getTimestamp("span_end").toInstant(),
                            rows.getTimestamp("detected_at").toInstant(), rows.getString("rule")));
                }
            }
        }
        return found;
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
