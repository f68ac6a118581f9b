package dev.changebot.persistence.ops;

import dev.changebot.persistence.change.OpenStateSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;

/**
 * The database gauges' one statement. Every part reads a partial index that holds only the rows in
 * question (pending rows of the outbox queues, pending gate checks, changes awaiting approval, unauthorized
 * deployments, changes still owing a follow-up), so its cost follows the work in flight, not the
 * history kept.
 */
final class OperationalQueries {

    private static final String PENDING = " WHERE delivered_at IS NULL AND failed_at IS NULL";

    private static final String SQL = "SELECT" + queues()
            + " (SELECT count(*) FROM gate_check WHERE state = 'pending') AS gate_pending,"
            + " (SELECT count(*) FROM deployment WHERE NOT covered AND status = 'succeeded') AS unauthorized,"
            + " (SELECT count(*) FROM change_request c, jsonb_array_elements(c.obligations) o"
            + "   WHERE " + OpenStateSql.OWES_FOLLOW_UPS + " AND o ->> 'status' <> 'SATISFIED'"
            + "   AND CAST(o ->> 'dueAt' AS timestamptz) < ?) AS overdue,"
            + " a.*"
            + " FROM (SELECT count(*) FILTER (WHERE requested_at > ?) AS under_1h,"
            + "   count(*) FILTER (WHERE requested_at <= ? AND requested_at > ?) AS under_4h,"
            + "   count(*) FILTER (WHERE requested_at <= ? AND requested_at > ?) AS under_1d,"
            + "   count(*) FILTER (WHERE requested_at <= ? AND requested_at > ?) AS under_3d,"
            + "   count(*) FILTER (WHERE requested_at <= ?) AS over_3d"
            + "   FROM change_request WHERE state = 'PENDING_APPROVAL') a";

    private OperationalQueries() {
    }

    /** Each queue's depth and oldest row: "(SELECT count(*) FROM slack_outbox WHERE ...) AS messages_depth, ...". */
    private static String queues() {
        var sql = new StringBuilder();
        for (var queue : OutboxQueue.values()) {
            sql.append(" (SELECT count(*) FROM ").append(queue.table()).append(PENDING).append(") AS ")
                    .append(queue.label()).append("_depth,")
                    .append(" (SELECT min(created_at) FROM ").append(queue.table()).append(PENDING).append(") AS ")
                    .append(queue.label()).append("_oldest,");
        }
        return sql.toString();
    }

    static OperationalSnapshot read(Connection connection, Instant now) throws SQLException {
        try (var statement = connection.prepareStatement(SQL)) {
            statement.setTimestamp(1, Timestamp.from(now));
            int parameter = 2;
            // Each bucket's lower bound in time is the next one's upper: under_1h > now-1h; 1h_to_4h in (now-4h, now-1h] ...
            ApprovalAge[] ages = ApprovalAge.values();
            statement.setTimestamp(parameter++, Timestamp.from(now.minus(ages[0].below())));
            for (int i = 1; i < ages.length - 1; i++) {
                statement.setTimestamp(parameter++, Timestamp.from(now.minus(ages[i - 1].below())));
                statement.setTimestamp(parameter++, Timestamp.from(now.minus(ages[i].below())));
            }
            statement.setTimestamp(parameter, Timestamp.from(now.minus(ages[ages.length - 2].below())));
            try (var row = statement.executeQuery()) {
                row.next();
                var depth = new EnumMap<OutboxQueue, Long>(OutboxQueue.class);
                var oldest = new EnumMap<OutboxQueue, Double>(OutboxQueue.class);
                for (var queue : OutboxQueue.values()) {
                    depth.put(queue, row.getLong(queue.label() + "_depth"));
                    oldest.put(queue, ageSeconds(row, queue.label() + "_oldest", now));
                }
                var approvals = new EnumMap<ApprovalAge, Long>(ApprovalAge.class);
                for (var age : ApprovalAge.values()) {
                    approvals.put(age, row.getLong(age.name().toLowerCase(java.util.Locale.ROOT)));
                }
                return new OperationalSnapshot(depth, oldest, approvals, row.getLong("overdue"), row.getLong("gate_pending"),
                        row.getLong("unauthorized"));
            }
        }
    }

    /** Seconds since the timestamp in {@code column}; 0 when it is null (nothing waiting) or in the future. */
    private static double ageSeconds(ResultSet row, String column, Instant now) throws SQLException {
        var at = row.getTimestamp(column);
        if (at == null) {
            return 0;
        }
        var age = Duration.between(at.toInstant(), now);
        return age.isNegative() ? 0 : age.toMillis() / 1000.0;
    }
}
