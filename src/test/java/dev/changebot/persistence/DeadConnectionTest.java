package dev.changebot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which failures mean the connection died (and the transaction may run again)")
class DeadConnectionTest {

    @Test
    @DisplayName("connection exceptions (SQLState 08) and the pool's closed proxy, however wrapped")
    void deadConnections() {
        assertThat(MicronautTransactions.deadConnection(new IllegalStateException("wrapped",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(MicronautTransactions.deadConnection(new RuntimeException("Could not set read-only",
                new SQLException("Connection is closed")))).isTrue();
        var masked = new RuntimeException("cleanup failed");
        masked.addSuppressed(new SQLException("terminating connection", "08003"));
        assertThat(MicronautTransactions.deadConnection(masked)).isTrue();
    }

    @Test
    @DisplayName("not a statement's own failure: a broken constraint or a lock timeout runs once")
    void statementFailures() {
        assertThat(MicronautTransactions.deadConnection(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(MicronautTransactions.deadConnection(new SQLException("canceling statement due to lock timeout", "55P03")))
                .isFalse();
        assertThat(MicronautTransactions.deadConnection(new IllegalStateException("CHG-1 is soaking"))).isFalse();
    }
}
