package dev.changebot.bench;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.TestDatabase;
import java.sql.SQLException;

/**
 * Finished changes written straight into the database with SQL (generate_series): the history the
 * app's open-change questions must not read. Each has a posted message, an approval when it got
 * that far, and five audit events with details, as a change that went through the app leaves.
 * Inserting them through the app would take hours at 100,000; what they are made of is the same.
 */
final class HistoryFill {

    private static final int BATCH = 10_000;

    private HistoryFill() {
    }

    /** Changes numbered {@code from} to {@code to}, all finished; then the counter moves past them. */
    static void finished(TestDatabase db, long from, long to) throws SQLException {
        try (var connection = db.connect(); var sql = connection.createStatement()) {
            for (long start = from; start <= to; start += BATCH) {
                long end = Math.min(to, start + BATCH - 1);
                sql.execute(changes(start, end));
                sql.execute("""
                        INSERT INTO change_approval (change_id, approver_id, approved_at, step)
                        SELECT id, 'U0ALICE', requested_at + interval '2 hours', 1 FROM change_request
                         WHERE workspace_id = '%s' AND number BETWEEN %d AND %d
                           AND state IN ('COMPLETED', 'ROLLED_BACK', 'FAILED')""".formatted(FakeSlackApi.TEAM_ID, start, end));
                sql.execute("""
                        INSERT INTO change_event (change_id, workspace_id, type, actor_id, occurred_at, details)
                        SELECT c.id, c.workspace_id, t.type, c.requester_id, c.requested_at + t.k * interval '1 hour',
                               jsonb_build_object('state', c.state, 'step', t.k, 'note', 'history written by the benchmark')
                          FROM change_request c CROSS JOIN (VALUES (0, 'ChangeRequested'), (1, 'ChangeApproved'),
                               (2, 'WorkStarted'), (3, 'DeployedTo'), (4, 'ChangeCompleted')) AS t(k, type)
                         WHERE c.workspace_id = '%s' AND c.number BETWEEN %d AND %d""".formatted(FakeSlackApi.TEAM_ID, start, end));
            }
            sql.execute("""
                    INSERT INTO change_number (workspace_id, last_number) VALUES ('%s', %d)
                    ON CONFLICT (workspace_id) DO UPDATE SET last_number = GREATEST(change_number.last_number, %d)"""
                    .formatted(FakeSlackApi.TEAM_ID, to, to));
            // Autovacuum would have analysed tables this size long ago; a fresh bulk load has no statistics yet.
            sql.execute("VACUUM ANALYZE change_request");
            sql.execute("VACUUM ANALYZE change_approval");
            sql.execute("VACUUM ANALYZE change_event");
        }
    }

    private static String changes(long from, long to) {
        return """
                INSERT INTO change_request (workspace_id, number, requester_id, origin_channel_id, class_name, title,
                    description, justification, systems_affected, environment, risk, implementation_plan, rollback_plan,
                    testing_evidence, proposed_start, expected_duration_s, requested_at, state, rejected_by,
                    rejection_reason, rejected_at, message_channel_id, message_ts, updated_at)
                SELECT '%1$s', n, 'U0H' || lpad((n %% 40)::text, 3, '0'), 'C0HIST' || (n %% 25), 'normal',
                       'Historic change ' || n || ': rotate the edge certificates and restart the proxies',
                       repeat('What changes and why, in a paragraph or two. ', 8), 'Expiring certificates',
                       'edge-proxy, cert-manager', 'production', (ARRAY['LOW', 'MEDIUM', 'HIGH'])[n %% 3 + 1],
                       repeat('Step by step plan. ', 10), repeat('How to roll back. ', 6), 'Ran in staging',
                       t, 3600, t, s,
                       CASE WHEN s = 'REJECTED' THEN 'U0ALICE' END, CASE WHEN s = 'REJECTED' THEN 'Not in a freeze' END,
                       CASE WHEN s = 'REJECTED' THEN t + interval '1 hour' END,
                       'C0HIST' || (n %% 25), (1600000000 + n) || '.000100', t + interval '5 hours'
                  FROM generate_series(%2$d, %3$d) AS n,
                       LATERAL (SELECT now() - (%3$d - n + 1000) * interval '7 minutes' AS t,
                                       (ARRAY['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'REJECTED', 'CANCELLED',
                                              'ROLLED_BACK', 'FAILED'])[n %% 8 + 1] AS s) AS x"""
                .formatted(FakeSlackApi.TEAM_ID, from, to);
    }
}
