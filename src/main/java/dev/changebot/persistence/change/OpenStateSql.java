package dev.changebot.persistence.change;

/**
 * The SQL condition "the change is open", spelt as the predicate of the partial indexes
 * {@code change_request_open} and {@code change_request_open_by_requester}. It is a literal, not a
 * bound list of states: PostgreSQL matches a partial index to a query only when it can prove the
 * query's condition implies the index's, which it cannot do for parameters once it switches a
 * prepared statement to its generic plan (after five executions) — the open-change queries would
 * then read the whole history. A test keeps it in step with {@link dev.changebot.domain.change.ChangeState#isOpen()}.
 */
public final class OpenStateSql {

    static final String OPEN = "state NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'FAILED', 'ROLLED_BACK', 'CLOSED')";

    /** Matches {@code change_request_awaiting}'s predicate. */
    static final String AWAITING = "state = 'PENDING_APPROVAL'";

    /**
     * "The change still owes a follow-up", open or finished: word for word V39's predicate of
     * {@code change_request_owing_follow_ups}, so that a query spelling it reads just those rows.
     */
    public static final String OWES_FOLLOW_UPS =
            "jsonb_path_exists(obligations, '$[*] ? (@.status != \"SATISFIED\")')";

    private OpenStateSql() {
    }
}
