package dev.changebot.slack.inbound;

import dev.changebot.application.change.NoSuchChangeException;
import dev.changebot.domain.change.ChangeRefusedException;
import dev.changebot.domain.change.IllegalTransitionException;
import dev.changebot.domain.rules.Refusals;
import dev.changebot.slack.view.Mrkdwn;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to tell a person when acting failed, decided in one place for every handler: a rule's
 * refusal or an illegal move is told as what it is; an unknown id is "no such change"; only a
 * database that did not answer is "try again" ({@link #isOutage}); anything else is a fault of
 * ours, said so and logged with its trace.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    /** Said for a failure that is neither a refusal nor an outage: a bug, whose trace is in the log. */
    public static final String OUR_FAULT = "Changebot ran into a problem of its own and could not finish that; "
            + "the cause is in its log. `/change list` shows where things stand.";

    private Failures() {
    }

    /** The words for {@code failure}, which happened while doing {@code what} ("approve CHG-3 for U123"). */
    public static String tell(String what, RuntimeException failure) {
        // A transaction or framework may wrap what the rules threw: the refusal is what counts.
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoSuchChangeException missing) {
                return Replies.notFound(missing.id().toString());
            }
            if (t instanceof IllegalTransitionException illegal) {
                return explain(illegal);
            }
            if (t instanceof ChangeRefusedException refused) {
                // The rules' words may quote what a person typed (an environment, a follow-up's name).
                return Mrkdwn.escape(refused.getMessage());
            }
        }
        if (isOutage(failure)) {
            // The trace of a timeout says nothing new, and an outage makes one per request.
            LOG.warn("Could not {}: the database did not answer ({})", what, failure.toString());
            return Replies.TRY_AGAIN;
        }
        LOG.error("Could not {}", what, failure);
        return OUR_FAULT;
    }

    /**
     * The database (or the pool in front of it) failed under us, so trying again later may work: a
     * JDBC failure anywhere in the chain whose SQLState says so (connection exception 08, e.g. our
     * request budget spent; serialization failure or deadlock 40; a lock not available 55;
     * insufficient resources 53; operator intervention 57, e.g. a statement timeout or the server
     * shutting down; system error 58), or the pool's "Connection is closed", which carries none.
     * Data, constraint and privilege errors are not outages: trying again would fail the same way.
     * This is the one place that decides "try again".
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && transientState(sql)) {
                return true;
            }
            for (var suppressed : t.getSuppressed()) {
                if (isOutage(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean transientState(SQLException sql) {
        var state = sql.getSQLState();
        if (state == null || state.length() < 2) {
            return true;
        }
        return switch (state.substring(0, 2)) {
            case "08", "40", "53", "55", "57", "58" -> true;
            default -> false;
        };
    }

    /** Where the change stands says why it cannot move, and what would let it: the rules' words. */
    static String explain(IllegalTransitionException illegal) {
        return Refusals.illegalMove(illegal.id(), illegal.from(), illegal.to());
    }
}
