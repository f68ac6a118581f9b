package dev.changebot.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.change.NoSuchChangeException;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeRefusedException;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.IllegalTransitionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One place decides what a failure is told as: a refusal, "no such change", "try again", or our fault. */
class FailuresTest {

    static final ChangeId CHG_3 = new ChangeId(3);

    @Test
    @DisplayName("an illegal move is told from where the change stands, with what would let it move")
    void illegalTransitions() {
        assertThat(Failures.tell("x", new IllegalTransitionException(CHG_3, ChangeState.APPROVED, ChangeState.SOAKING)))
                .isEqualTo("CHG-3 has not started yet: `/change start CHG-3` first.");
        assertThat(Failures.tell("x", new IllegalTransitionException(CHG_3, ChangeState.PENDING_APPROVAL,
                ChangeState.COMPLETED))).startsWith("CHG-3 is still waiting for approval");
        assertThat(Failures.tell("x", new IllegalTransitionException(CHG_3, ChangeState.REJECTED, ChangeState.IN_PROGRESS)))
                .isEqualTo("CHG-3 is already rejected; nothing more can happen to it.");
        assertThat(Failures.tell("x", new IllegalTransitionException(CHG_3, ChangeState.RESOLVED, ChangeState.SOAKING)))
                .startsWith("CHG-3 is resolved; it cannot be soaking now.");
    }

    @Test
    @DisplayName("a rule's refusal is its reason, escaped for mrkdwn; an unknown id is 'no such change'")
    void refusalsAndUnknownIds() {
        assertThat(Failures.tell("x", new ChangeRefusedException("CHG-3 goes to <qa> only after staging.")))
                .isEqualTo("CHG-3 goes to &lt;qa&gt; only after staging.");
        assertThat(Failures.tell("x", new NoSuchChangeException(CHG_3))).isEqualTo(Replies.notFound("CHG-3"));
        assertThat(Failures.tell("x", new RuntimeException("rolled back", new ChangeRefusedException("CHG-3 is soaking."))))
                .as("wrapped by a transaction").isEqualTo("CHG-3 is soaking.");
    }

    @Test
    @DisplayName("only a JDBC failure somewhere in the chain is an outage, and only an outage is 'try again'")
    void outagesOnly() {
        var timeout = new IllegalStateException("wrapped",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        assertThat(Failures.isOutage(timeout)).isTrue();
        assertThat(Failures.tell("approve CHG-3", timeout)).isEqualTo(Replies.TRY_AGAIN);

        var suppressed = new RuntimeException("cleanup failed");
        suppressed.addSuppressed(new java.sql.SQLException("terminating connection", "57P01"));
        assertThat(Failures.isOutage(suppressed)).isTrue();

        assertThat(Failures.isOutage(new IllegalTransitionException(CHG_3, ChangeState.APPROVED, ChangeState.SOAKING)))
                .isFalse();
        assertThat(Failures.isOutage(new NullPointerException("payload.getUser() is null"))).isFalse();
    }

    @Test
    @DisplayName("the SQLState decides: a connection, timeout or lock failure is an outage; bad data or a missing grant is not")
    void sqlStates() {
        for (var transientState : new String[] {"08001", "08006", "57014", "57P01", "40001", "40P01", "55P03", "53300"}) {
            assertThat(Failures.isOutage(new RuntimeException(new java.sql.SQLException("x", transientState))))
                    .as(transientState).isTrue();
        }
        for (var permanent : new String[] {"22021", "23505", "42501", "42P01"}) {
            var failure = new RuntimeException(new java.sql.SQLException("x", permanent));
            assertThat(Failures.isOutage(failure)).as(permanent).isFalse();
            assertThat(Failures.tell("declare an emergency", failure)).isEqualTo(Failures.OUR_FAULT);
        }
    }

    @Test
    @DisplayName("anything else is our fault, said without the exception's text")
    void ourFault() {
        var told = Failures.tell("approve CHG-3", new NullPointerException("Cannot invoke \"String.length()\""));

        assertThat(told).isEqualTo(Failures.OUR_FAULT).doesNotContain("Exception", "Cannot invoke", "database");
    }
}
