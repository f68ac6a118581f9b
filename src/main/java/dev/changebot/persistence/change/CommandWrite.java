package dev.changebot.persistence.change;

import dev.changebot.persistence.OutboxSql;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a command on a locked change writes, as one statement: the row, the one approval its event adds
 * or withdraws, the event, and for a command's last event the change's message queued for a refresh.
 * Four statements were four round trips, each parsed, bound and answered on its own while the
 * change's lock is held (docs/performance/ack-path-sessions.md, fourth and seventh sessions); data-modifying CTEs do the
 * same writes in one, in the same transaction, with the same results: the approval keeps its unique key's
 * idempotence, the outbox row its one-pending-row-per-change upsert, and the event row is inserted only if
 * the change row was there. The row's update sets only the columns that differ from what the row holds
 * (an approval changes one or two of its 39; binding and casting the rest, six of them JSON, was the
 * costliest part of the statement), or every column when what it holds is not known.
 */
@Singleton
class CommandWrite {

    /** change_request's columns after id, in {@link ChangeRow}'s order (they are {@link ChangeSql#COLUMNS}' order). */
    static final List<String> ROW_COLUMNS = Arrays.stream(ChangeSql.COLUMNS.split(","))
            .map(column -> column.strip().replaceFirst("^c\\.", ""))
            .filter(column -> !column.equals("id"))
            .toList();

    private static final List<String> JSON_COLUMNS = List.of("extra_fields", "override_rules", "pending_override",
            "stages_passed", "obligations", "stage_signoffs");

    private static final int UPDATED_AT = ROW_COLUMNS.indexOf("updated_at");

    /** Statements by the columns they set (a bit each), shape and refresh; a bound in case columns vary widely. */
    private static final int STATEMENTS_KEPT = 256;

    private static final String INSERT_EVENT = """
            INSERT INTO change_event (change_id, workspace_id, type, actor_id, occurred_at, details)
            SELECT id, :workspaceId, :eventType, :actorId, :occurredAt, CAST(:details AS jsonb) FROM changed""";

    private static final String APPROVAL = """
            approval AS (
                INSERT INTO change_approval (change_id, approver_id, approved_at, step)
                SELECT id, :approverId, :approvedAt, :step FROM changed
                ON CONFLICT (change_id, step, approver_id) DO NOTHING)""";

    private static final String REVOCATION = """
            revocation AS (
                DELETE FROM change_approval
                 WHERE change_id = (SELECT id FROM changed) AND step = :step AND approver_id = :approverId)""";

    /** The change's message queued for a refresh (as PostgresOutbox's announcement), if the row was there. */
    private static final String ANNOUNCEMENT = """
            announced AS (
                INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at)
                SELECT workspace_id, number, :announcedAt, :announcedAt FROM changed
            """ + OutboxSql.ANNOUNCED_AGAIN + ")";

    /** The write's statement by what it does to the change's approvals. */
    private enum Shape {
        ROW_AND_EVENT(null), APPROVAL_ADDED(APPROVAL), APPROVAL_WITHDRAWN(REVOCATION);

        final String approvalPart;

        Shape(String approvalPart) {
            this.approvalPart = approvalPart;
        }
    }

    private final Map<Long, NamedSql> statements = new ConcurrentHashMap<>();

    private NamedSql statement(long columns, Shape shape, boolean announce) {
        long key = columns << 3 | (long) shape.ordinal() << 1 | (announce ? 1 : 0);
        if (statements.size() >= STATEMENTS_KEPT && !statements.containsKey(key)) {
            statements.clear();
        }
        return statements.computeIfAbsent(key, k -> statement(columns, shape.approvalPart, announce));
    }

    private static NamedSql statement(long columns, String approvalPart, boolean announce) {
        var assignments = new ArrayList<String>();
        for (int i = 0; i < ROW_COLUMNS.size(); i++) {
            if ((columns & 1L << i) != 0) {
                assignments.add(assignment(ROW_COLUMNS.get(i)));
            }
        }
        var ctes = new ArrayList<String>();
        ctes.add("changed AS (UPDATE change_request SET " + String.join(", ", assignments)
                + " WHERE id = :rowId RETURNING id, workspace_id, number)");
        if (approvalPart != null) {
            ctes.add(approvalPart);
        }
        if (announce) {
            ctes.add(ANNOUNCEMENT);
        }
        return NamedSql.of("WITH " + String.join(",\n", ctes) + "\n" + INSERT_EVENT);
    }

    /** The approval an event adds or withdraws, if any. */
    record ApprovalChange(boolean added, String approverId, Instant at, int step) {
    }

    /** The event's row, but for the change it belongs to. */
    record EventValues(String workspaceId, String type, String actorId, Instant occurredAt, String details) {
    }

    private final JdbcOperations jdbc;

    CommandWrite(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code stored}: what the row holds now (null: not known, every column is written); {@code announcedAt}:
     * also queues the change's message for a refresh, in the same statement (null: not).
     *
     * @throws IllegalStateException when the row is not there (nothing is written then) or the write fails
     */
    void write(ChangeRow stored, ChangeRow row, ApprovalChange approval, EventValues event, Instant announcedAt) {
        var values = new HashMap<String, Object>(64);
        var components = rowValues(row);
        var holds = stored == null ? null : rowValues(stored);
        long columns = 0;
        for (int i = 0; i < ROW_COLUMNS.size(); i++) {
            if (i == UPDATED_AT || holds == null || !Objects.equals(holds[i], components[i])) {
                columns |= 1L << i;
                values.put(ROW_COLUMNS.get(i), bindable(components[i]));
            }
        }
        values.put("rowId", row.id());
        values.put("eventType", event.type());
        values.put("actorId", event.actorId());
        values.put("occurredAt", bindable(event.occurredAt()));
        values.put("details", event.details());
        var shape = Shape.ROW_AND_EVENT;
        if (approval != null) {
            values.put("approverId", approval.approverId());
            values.put("step", approval.step());
            if (approval.added()) {
                values.put("approvedAt", bindable(approval.at()));
                shape = Shape.APPROVAL_ADDED;
            } else {
                shape = Shape.APPROVAL_WITHDRAWN;
            }
        }
        if (announcedAt != null) {
            values.put("announcedAt", bindable(announcedAt));
        }
        values.put("workspaceId", event.workspaceId());
        if (execute(statement(columns, shape, announcedAt != null), values) != 1) {
            throw new IllegalStateException("Change row " + row.id() + " was not there to update");
        }
    }

    private int execute(NamedSql sql, Map<String, Object> byName) {
        var ordered = sql.values(byName);
        return jdbc.prepareStatement(sql.jdbc(), statement -> {
            try {
                for (int i = 0; i < ordered.length; i++) {
                    statement.setObject(i + 1, ordered[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store the change and its event", e);
            }
        });
    }

    private static String assignment(String column) {
        return JSON_COLUMNS.contains(column) ? column + " = CAST(:" + column + " AS jsonb)" : column + " = :" + column;
    }

    /** PostgreSQL's driver takes an instant as an offset date-time, exactly (microseconds, UTC). */
    private static Object bindable(Object value) {
        return value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
    }

    /** The row's values after its id, in {@link #ROW_COLUMNS}' order. */
    static Object[] rowValues(ChangeRow r) {
        return new Object[] {r.workspaceId(), r.number(), r.requesterId(), r.originChannelId(), r.className(),
                r.title(), r.description(), r.justification(), r.systemsAffected(), r.environment(), r.risk(),
                r.implementationPlan(), r.rollbackPlan(), r.testingEvidence(), r.proposedStart(),
                r.expectedDurationS(), r.requestedAt(), r.state(), r.rejectedBy(), r.rejectionReason(),
                r.rejectedAt(), r.messageChannelId(), r.messageTs(), r.extraFields(), r.overrideBy(),
                r.overrideAt(), r.overrideJustification(), r.overrideRules(), r.pendingOverride(),
                r.soakEnvironment(), r.soakingUntil(), r.rolloutPercent(), r.stagesPassed(),
                r.incidentCommander(), r.severity(), r.obligations(), r.updatedAt(), r.service(),
                r.stageSignoffs()};
    }
}
