package dev.changebot.persistence.change;

import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reads of {@link ChangeSql}, mapped by hand: the columns by position, the JSON columns as the
 * text PostgreSQL sends (parsed once, by {@link ChangeRows}), each change's approvals from the same
 * row. Micronaut Data's generic mapper worked out every column's name and ran every JSON column
 * through the JSON mapper, row by row: on a page of open changes it was most of the request's
 * CPU. Writes stay with the repositories, which bind the JSON columns as JSON. Runs in the
 * caller's transaction, or autocommitted outside one, as the repositories do.
 */
@Singleton
class ChangeReads {

    /** A row of change_request with its approvals, and whether those are as current as the row. */
    record Found(ChangeRow row, List<ApprovalRow> approvals, boolean approvalsCurrent) {
    }

    private static final Argument<List<List<Object>>> APPROVALS = Argument.listOf(Argument.listOf(Object.class));

    private static final NamedSql BY_NUMBER = NamedSql.of(ChangeSql.BY_NUMBER);
    private static final NamedSql BY_NUMBERS = NamedSql.of(ChangeSql.BY_NUMBERS);
    private static final NamedSql FOR_UPDATE = NamedSql.of(ChangeSql.FOR_UPDATE);
    private static final NamedSql FOR_UPDATE_BY_MESSAGE = NamedSql.of(ChangeSql.FOR_UPDATE_BY_MESSAGE);
    private static final NamedSql APPROVALS_OF = NamedSql.of(ChangeSql.APPROVALS_OF);
    private static final NamedSql AWAITING_APPROVAL = NamedSql.of(ChangeSql.AWAITING_APPROVAL);
    private static final NamedSql OPEN_PAGE = NamedSql.of(ChangeSql.OPEN_PAGE);
    private static final NamedSql OPEN_AFTER = NamedSql.of(ChangeSql.OPEN_AFTER);
    private static final NamedSql OPEN_REQUESTED_BY = NamedSql.of(ChangeSql.OPEN_REQUESTED_BY);
    private static final NamedSql AWAITING_APPROVAL_AFTER = NamedSql.of(ChangeSql.AWAITING_APPROVAL_AFTER);
    private static final NamedSql OWING_FOLLOW_UPS_AFTER = NamedSql.of(ChangeSql.OWING_FOLLOW_UPS_AFTER);

    /** The column after the row's own: its approvals; the one after that, in the lock's read only, their currency. */
    private static final int APPROVALS_COLUMN = 41;

    /** {@link #countedPage}'s statements by their numbers (most lists ask for the first page; a bound for the rest). */
    private static final int COUNTED_PAGES_KEPT = 64;
    private final Map<List<Long>, NamedSql> countedPages = new ConcurrentHashMap<>();

    private final ConnectionOperations<Connection> connections;
    private final JsonMapper json;

    ChangeReads(ConnectionOperations<Connection> connections, JsonMapper json) {
        this.connections = connections;
        this.json = json;
    }

    Optional<Found> byNumber(String workspaceId, long number) {
        return first(BY_NUMBER, Map.of("workspaceId", workspaceId, "number", number));
    }

    List<Found> byNumbers(String workspaceId, Collection<Long> numbers) {
        return list(BY_NUMBERS, Map.of("workspaceId", workspaceId, "numbers", numbers.toArray(Long[]::new)));
    }

    /**
     * SELECT ... FOR UPDATE: holds the row until the transaction ends. Its approvals are read again,
     * in a statement of their own, only when the lock waited for another transaction's commit.
     */
    Optional<Found> forUpdate(String workspaceId, long number) {
        return locked(FOR_UPDATE, Map.of("workspaceId", workspaceId, "number", number));
    }

    /** {@link #forUpdate}, the change whose live message this is. */
    Optional<Found> forUpdateByMessage(String workspaceId, String channelId, String messageTs) {
        return locked(FOR_UPDATE_BY_MESSAGE, Map.of("workspaceId", workspaceId, "channelId", channelId,
                "messageTs", messageTs));
    }

    private Optional<Found> locked(NamedSql lock, Map<String, Object> values) {
        return first(lock, values).map(found ->
                found.approvalsCurrent() ? found : new Found(found.row(), approvalsOf(found.row().id()), true));
    }

    List<Found> awaitingApproval(String afterWorkspaceId, long afterNumber, Instant requestedBy, int limit) {
        return list(AWAITING_APPROVAL, Map.of("workspaceId", afterWorkspaceId, "after", afterNumber,
                "requestedBy", Timestamp.from(requestedBy), "limit", limit));
    }

    List<Found> openPage(String workspaceId, int skip, int limit) {
        return list(OPEN_PAGE, Map.of("workspaceId", workspaceId, "skip", skip, "limit", limit));
    }

    /** A page of open changes and their count up to {@code countLimit}, read together ({@link ChangeSql#countedPage}). */
    record CountedFound(List<Found> page, long counted) {
    }

    CountedFound countedPage(String workspaceId, int skip, int limit, long countLimit) {
        var sql = countedPages.computeIfAbsent(List.of((long) skip, (long) limit, countLimit),
                key -> NamedSql.of(ChangeSql.countedPage(skip, limit, countLimit)));
        if (countedPages.size() > COUNTED_PAGES_KEPT) {
            countedPages.clear();
        }
        return query(sql, Map.of("workspaceId", workspaceId),
                rows -> {
                    var page = new ArrayList<Found>();
                    long counted = 0;
                    while (rows.next()) {
                        counted = rows.getLong(APPROVALS_COLUMN + 1);
                        // An empty page is one row of the count alone: no id.
                        if (rows.getObject(1) != null) {
                            page.add(found(rows, false));
                        }
                    }
                    return new CountedFound(page, counted);
                });
    }

    List<Found> openAfter(String workspaceId, long after, int limit) {
        return list(OPEN_AFTER, Map.of("workspaceId", workspaceId, "after", after, "limit", limit));
    }

    List<Found> openRequestedBy(String workspaceId, String requesterId, int limit) {
        return list(OPEN_REQUESTED_BY, Map.of("workspaceId", workspaceId, "requesterId", requesterId, "limit", limit));
    }

    List<Found> awaitingApprovalAfter(String workspaceId, long after, int limit) {
        return list(AWAITING_APPROVAL_AFTER, Map.of("workspaceId", workspaceId, "after", after, "limit", limit));
    }

    List<Found> owingFollowUpsAfter(String workspaceId, long after, int limit) {
        return list(OWING_FOLLOW_UPS_AFTER, Map.of("workspaceId", workspaceId, "after", after, "limit", limit));
    }

    private List<ApprovalRow> approvalsOf(long changeId) {
        return query(APPROVALS_OF, Map.of("changeId", changeId), rows -> {
            var approvals = new ArrayList<ApprovalRow>();
            while (rows.next()) {
                approvals.add(new ApprovalRow(null, changeId, rows.getString(1), instant(rows, 2), rows.getInt(3)));
            }
            return approvals;
        });
    }

    private Optional<Found> first(NamedSql sql, Map<String, ?> values) {
        return query(sql, values, rows -> rows.next() ? Optional.of(found(rows, checksCurrency(rows))) : Optional.empty());
    }

    private List<Found> list(NamedSql sql, Map<String, ?> values) {
        return query(sql, values, rows -> {
            var found = new ArrayList<Found>();
            boolean checksCurrency = checksCurrency(rows);
            while (rows.next()) {
                found.add(found(rows, checksCurrency));
            }
            return found;
        });
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * On the caller's connection (its transaction) or, outside one, on a read-only connection of its own,
     * as the repositories' reads do. A failure keeps its SQLException as the cause: that is how the
     * request path tells an outage from a fault.
     */
    private <T> T query(NamedSql sql, Map<String, ?> values, Rows<T> reader) {
        return connections.execute(ConnectionDefinition.READ_ONLY, status -> {
            try (var statement = status.getConnection().prepareStatement(sql.jdbc())) {
                var ordered = sql.values(values);
                for (int i = 0; i < ordered.length; i++) {
                    if (ordered[i] instanceof Long[] array) {
                        statement.setArray(i + 1, status.getConnection().createArrayOf("bigint", array));
                    } else {
                        statement.setObject(i + 1, ordered[i]);
                    }
                }
                try (var rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read changes", e);
            }
        });
    }

    /** Only the lock's read says whether its approvals are current; the others' are, by their one snapshot. */
    private static boolean checksCurrency(ResultSet rows) throws SQLException {
        return rows.getMetaData().getColumnCount() > APPROVALS_COLUMN;
    }

    private Found found(ResultSet rs, boolean checksCurrency) throws SQLException {
        var row = new ChangeRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), instant(rs, 16),
                nullableLong(rs, 17), instant(rs, 18), rs.getString(19), rs.getString(20), rs.getString(21),
                instant(rs, 22), rs.getString(23), rs.getString(24), rs.getString(25), rs.getString(26),
                instant(rs, 27), rs.getString(28), rs.getString(29), rs.getString(30), rs.getString(31),
                instant(rs, 32), rs.getInt(33), rs.getString(34), rs.getString(35), rs.getString(36), rs.getString(37),
                instant(rs, 38), rs.getString(39), rs.getString(40));
        var approvals = approvals(row.id(), rs.getString(APPROVALS_COLUMN));
        boolean current = !checksCurrency || rs.getBoolean(APPROVALS_COLUMN + 1);
        return new Found(row, approvals, current);
    }

    private List<ApprovalRow> approvals(long changeId, String text) {
        if (text == null || text.equals("[]")) {
            return List.of();
        }
        try {
            var approvals = new ArrayList<ApprovalRow>();
            for (var approval : json.readValue(text, APPROVALS)) {
                var micros = ((Number) approval.get(1)).longValue();
                approvals.add(new ApprovalRow(null, changeId, (String) approval.get(0),
                        Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ((Number) approval.get(2)).intValue()));
            }
            return approvals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
