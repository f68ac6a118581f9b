package dev.changebot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * PostgreSQL's own CPU for an approval's writes, outside the app: the backend's user + system time from
 * /proc (the server must run on this machine) over {@code count} approvals paced at {@code rate} a second on
 * one connection, each on a different pending change, for several ways of spelling the same work. Run against
 * a database the jar has migrated; it adds its own pending changes (workspace T0PROBE) and leaves them.
 * Usage: {@code java ... dev.changebot.bench.ApprovalWriteProbe jdbc-url [count] [rate]}.
 */
public final class ApprovalWriteProbe {

    private static final String WORKSPACE = "T0PROBE";

    private static final String LOCK = """
            SELECT c.id, c.state, c.xmin::text::bigint AS version,
                   (SELECT coalesce(json_agg(json_build_array(a.approver_id, a.step) ORDER BY a.id), '[]')
                      FROM change_approval a WHERE a.change_id = c.id) AS approvals,
                   c.xmin = (SELECT s.xmin FROM change_request s WHERE s.id = c.id) AS as_of_snapshot
              FROM change_request c WHERE c.workspace_id = ? AND c.number = ? FOR UPDATE OF c""";

    private static final String READ = """
            SELECT c.id, c.state, c.xmin::text::bigint AS version,
                   (SELECT coalesce(json_agg(json_build_array(a.approver_id, a.step) ORDER BY a.id), '[]')
                      FROM change_approval a WHERE a.change_id = c.id) AS approvals
              FROM change_request c WHERE c.workspace_id = ? AND c.number = ?""";

    private static final String WRITE = """
            WITH changed AS (UPDATE change_request SET state = 'APPROVED', updated_at = ? WHERE id = ? %s
                             RETURNING id, workspace_id, number),
                 approval AS (INSERT INTO change_approval (change_id, approver_id, approved_at, step)
                              SELECT id, 'U0REVIEW', ?, 1 FROM changed
                              ON CONFLICT (change_id, step, approver_id) DO NOTHING),
                 announced AS (INSERT INTO slack_outbox (workspace_id, change_number, created_at, next_attempt_at)
                               SELECT workspace_id, number, ?, ? FROM changed
                               ON CONFLICT (workspace_id, change_number) WHERE delivered_at IS NULL AND failed_at IS NULL
                               DO UPDATE SET version = slack_outbox.version + 1)
            INSERT INTO change_event (change_id, workspace_id, type, actor_id, occurred_at, details)
            SELECT id, workspace_id, 'ChangeApproved', 'U0REVIEW', ?, CAST(? AS jsonb) FROM changed""";

    private enum Variant {
        /** As the app does it: lock, write, commit — three round trips. */
        LOCK_WRITE_COMMIT,
        /** No row lock: read, then a write that holds only if the row is still the version read; commit. */
        READ_CHECKED_WRITE_COMMIT,
        /** The same without a transaction: the read and the checked write each autocommitted. */
        READ_CHECKED_WRITE_AUTOCOMMIT,
        /** The floor's one autocommitted row, for scale. */
        FLOOR_INSERT
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        try (var connection = DriverManager.getConnection(url, "postgres", "")) {
            int first = fill(connection, Variant.values().length * count * 3);
            int next = first;
            for (int round = 1; round <= 3; round++) {
                for (var variant : Variant.values()) {
                    next = time(connection, variant, next, round == 1 ? count / 4 : count, rate, round);
                }
            }
        }
    }

    private static int time(Connection connection, Variant variant, int firstNumber, int count, int rate, int round)
            throws Exception {
        long backend = backendPid(connection);
        long cpuBefore = ticks(backend);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            approve(connection, variant, firstNumber + i);
        }
        double ms = (ticks(backend) - cpuBefore) * 10.0 / count;
        System.out.printf(Locale.ROOT, "round %d  %-32s backend CPU %.3f ms per approval (%d)%n", round, variant, ms,
                count);
        return firstNumber + count;
    }

    private static void approve(Connection connection, Variant variant, int number) throws SQLException {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        switch (variant) {
            case FLOOR_INSERT -> {
                connection.setAutoCommit(true);
                try (var insert = connection.prepareStatement("INSERT INTO probe_floor DEFAULT VALUES")) {
                    insert.executeUpdate();
                }
            }
            case LOCK_WRITE_COMMIT -> {
                connection.setAutoCommit(false);
                long id = read(connection, LOCK, number)[0];
                write(connection, WRITE.formatted(""), id, -1, now);
                connection.commit();
            }
            case READ_CHECKED_WRITE_COMMIT, READ_CHECKED_WRITE_AUTOCOMMIT -> {
                connection.setAutoCommit(variant == Variant.READ_CHECKED_WRITE_AUTOCOMMIT);
                long[] read = read(connection, READ, number);
                if (write(connection, WRITE.formatted("AND xmin::text::bigint = ?"), read[0], read[1], now) != 1) {
                    throw new IllegalStateException("changed under the probe");
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        }
    }

    private static long[] read(Connection connection, String sql, int number) throws SQLException {
        try (var select = connection.prepareStatement(sql)) {
            select.setString(1, WORKSPACE);
            select.setLong(2, number);
            try (var rows = select.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong("id"), rows.getLong("version")};
            }
        }
    }

    private static int write(Connection connection, String sql, long id, long version, OffsetDateTime now)
            throws SQLException {
        try (var write = connection.prepareStatement(sql)) {
            int p = 1;
            write.setObject(p++, now);
            write.setLong(p++, id);
            if (version >= 0) {
                write.setLong(p++, version);
            }
            write.setObject(p++, now);
            write.setObject(p++, now);
            write.setObject(p++, now);
            write.setObject(p++, now);
            write.setString(p, "{\"step\": 1}");
            return write.executeUpdate();
        }
    }

    private static int fill(Connection connection, int pending) throws SQLException {
        try (var sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS probe_floor (id bigserial PRIMARY KEY)");
            int first;
            try (var rows = sql.executeQuery("SELECT coalesce(max(number), 0) + 1 FROM change_request"
                    + " WHERE workspace_id = '" + WORKSPACE + "'")) {
                rows.next();
                first = rows.getInt(1);
            }
            sql.execute("""
                    INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,
                        description, systems_affected, environment, risk, implementation_plan, rollback_plan,
                        testing_evidence, proposed_start, expected_duration_s, requested_at, state, updated_at,
                        extra_fields, stages_passed, message_channel_id, message_ts)
                    SELECT '%s', n, 'U' || (n %% 50), 'C1', 'normal', 'change ' || n, 'a description', 'api, db',
                           'production', 'LOW', 'deploy it', 'roll it back', 'tested', now(), 3600, now(),
                           'PENDING_APPROVAL', now(), '{"success_criteria": "it works"}', '["staging"]',
                           'C0BENCH' || n, '1700000000.' || lpad(n::text, 6, '0')
                      FROM generate_series(%d, %d) AS n""".formatted(WORKSPACE, first, first + pending - 1));
            sql.execute("ANALYZE");
            sql.execute("CHECKPOINT");
            return first;
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (var sql = connection.createStatement(); var rows = sql.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /** The process's user + system time in clock ticks (1/100 s), fields 14 and 15 of /proc/pid/stat. */
    private static long ticks(long pid) throws Exception {
        var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private ApprovalWriteProbe() {
    }
}
