package dev.changebot.persistence.change;

/**
 * The reads that return whole changes, each one statement: the row's columns in {@link ChangeRow}'s
 * order, then its approvals as one JSON column ({@link #APPROVALS}), so a change never costs a second
 * round trip for its approvals. Parameters are named ({@code :workspaceId}); {@link NamedSql} numbers them
 * (casts are spelt CAST(... AS ...), so that a colon always starts a parameter).
 * The open-change reads spell {@link OpenStateSql}'s predicates so they read the partial indexes.
 */
final class ChangeSql {

    /** Every column of change_request, in the order of {@link ChangeRow}'s components. */
    static final String COLUMNS = """
            c.id, c.workspace_id, c.number, c.requester_id, c.origin_channel_id, c.class_name, c.title, c.description,
            c.justification, c.systems_affected, c.environment, c.risk, c.implementation_plan, c.rollback_plan,
            c.testing_evidence, c.proposed_start, c.expected_duration_s, c.requested_at, c.state, c.rejected_by,
            c.rejection_reason, c.rejected_at, c.message_channel_id, c.message_ts, c.extra_fields, c.override_by,
            c.override_at, c.override_justification, c.override_rules, c.pending_override, c.soak_environment,
            c.soaking_until, c.rollout_percent, c.stages_passed, c.incident_commander, c.severity, c.obligations,
            c.updated_at, c.service, c.stage_signoffs""";

    /**
     * The change's approvals in the order they were given, as {@code [[approver, epoch microseconds, step], ...]}
     * (microseconds: exactly what the timestamp holds, whatever the session's time zone).
     */
    static final String APPROVALS = """
            (SELECT coalesce(json_agg(json_build_array(a.approver_id,
                        CAST(extract(epoch FROM a.approved_at) * 1000000 AS bigint), a.step) ORDER BY a.id), '[]')
               FROM change_approval a WHERE a.change_id = c.id) AS approvals""";

    private static final String SELECT = "SELECT " + COLUMNS + ",\n" + APPROVALS + "\n  FROM change_request c\n";

    static final String BY_NUMBER = SELECT + " WHERE c.workspace_id = :workspaceId AND c.number = :number";

    static final String BY_NUMBERS = SELECT + " WHERE c.workspace_id = :workspaceId AND c.number = ANY (:numbers)";

    /**
     * The change locked, with its approvals, and whether they can be trusted. Under READ COMMITTED a
     * lock that waited for another transaction returns the row as that transaction committed it,
     * but the approvals subquery still reads the statement's snapshot, from before that commit. Every
     * write of approvals updates the row in the same transaction, so the approvals are current
     * exactly when the locked row is the version the snapshot saw: {@code as_of_snapshot} compares
     * the two versions' xmin. When it is false the caller reads the approvals again (a new
     * statement, a new snapshot); that happens only to a change two requests worked on at once.
     */
    static final String FOR_UPDATE = lockedWhere("c.workspace_id = :workspaceId AND c.number = :number");

    /**
     * {@link #FOR_UPDATE}, the change found by its live message (index change_request_by_message): a
     * reaction's change is found and locked in one statement, not looked up and then locked.
     */
    static final String FOR_UPDATE_BY_MESSAGE = lockedWhere("c.workspace_id = :workspaceId"
            + " AND c.message_channel_id = :channelId AND c.message_ts = :messageTs LIMIT 1");

    private static String lockedWhere(String condition) {
        return "SELECT " + COLUMNS + ",\n" + APPROVALS + """
                ,
                       c.xmin = (SELECT s.xmin FROM change_request s WHERE s.id = c.id) AS as_of_snapshot
                  FROM change_request c
                 WHERE\s""" + condition + "\n   FOR UPDATE OF c";
    }

    /** The approvals of one change, read on their own after a lock that waited (see {@link #FOR_UPDATE}). */
    static final String APPROVALS_OF = """
            SELECT approver_id, approved_at, step FROM change_approval WHERE change_id = :changeId ORDER BY id""";

    /**
     * A page of the changes waiting for approval in every workspace, requested by a time, by workspace
     * and number after a position (keyset over change_request_awaiting), so the reminder sweep holds
     * one page at a time and never maps a change too young to be nudged.
     */
    static final String AWAITING_APPROVAL = SELECT + " WHERE " + OpenStateSql.AWAITING
            + " AND (c.workspace_id, c.number) > (:workspaceId, :after) AND c.requested_at <= :requestedBy"
            + " ORDER BY c.workspace_id, c.number LIMIT :limit";

    /**
     * A page of open changes in number order. The page's first number is found by an index-only
     * scan of change_request_open (skipping entries, not rows), then the page is read by keyset:
     * only the page's own rows are fetched, however far into the list it is.
     */
    static final String OPEN_PAGE = SELECT + " WHERE c.workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " AND c.number >= (SELECT number FROM change_request WHERE workspace_id = :workspaceId AND "
            + OpenStateSql.OPEN + " ORDER BY number OFFSET :skip LIMIT 1)"
            + " ORDER BY c.number LIMIT :limit";

    /**
     * {@link #OPEN_PAGE} and the open changes counted up to a limit, in one statement: the count is every row's
     * last column, and a row of nulls but the count stands for an empty page. The limits and the skip are
     * written in as numbers ({@link #countedPage}): a prepared statement with {@code LIMIT $n} is planned
     * again at every execution (PostgreSQL's generic plan, not knowing the limit, looks dearer than each
     * custom one), and planning cost this read more than running it (docs/performance/ack-path-sessions.md, seventh session).
     */
    private static final String COUNTED_PAGE = """
            SELECT page.*, counted.n FROM
                   (SELECT count(*) AS n FROM (SELECT 1 FROM change_request WHERE workspace_id = :workspaceId AND %1$s
                     LIMIT %2$d) AS open_ones) AS counted
              LEFT JOIN LATERAL (SELECT %3$s,
                   %4$s
                     FROM change_request c WHERE c.workspace_id = :workspaceId AND %1$s AND c.number >= (SELECT number
                     FROM change_request WHERE workspace_id = :workspaceId AND %1$s ORDER BY number OFFSET %5$d LIMIT 1)
                    ORDER BY c.number LIMIT %6$d) AS page ON true
             ORDER BY page.number""";

    /** {@link #COUNTED_PAGE} for these numbers (never input: counts and sizes the caller worked out). */
    static String countedPage(int skip, int limit, long countLimit) {
        return COUNTED_PAGE.formatted(OpenStateSql.OPEN, countLimit, COLUMNS, APPROVALS, skip, limit);
    }

    /** Keyset: the next page after the last number a person saw. */
    static final String OPEN_AFTER = SELECT + " WHERE c.workspace_id = :workspaceId AND " + OpenStateSql.OPEN
            + " AND c.number > :after ORDER BY c.number LIMIT :limit";

    static final String OPEN_REQUESTED_BY = SELECT + " WHERE c.workspace_id = :workspaceId AND c.requester_id = :requesterId AND "
            + OpenStateSql.OPEN + " ORDER BY c.number LIMIT :limit";

    /** Keyset: the next {@code limit} changes awaiting approval after number {@code after}. */
    static final String AWAITING_APPROVAL_AFTER = SELECT + " WHERE c.workspace_id = :workspaceId AND " + OpenStateSql.AWAITING
            + " AND c.number > :after ORDER BY c.number LIMIT :limit";

    /**
     * Keyset: the next {@code limit} changes after number {@code after}, open or finished, that still owe a
     * follow-up (change_request_owing_follow_ups holds only those, so history never adds to the read).
     */
    static final String OWING_FOLLOW_UPS_AFTER = SELECT + " WHERE c.workspace_id = :workspaceId AND "
            + OpenStateSql.OWES_FOLLOW_UPS + " AND c.number > :after ORDER BY c.number LIMIT :limit";

    private ChangeSql() {
    }
}
