package dev.changebot.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The floor below which every row is chained moves past an id only once every transaction that could
 * still commit a row at or below it has ended, as the database reports its open transactions to the
 * sequencer's look ({@link WaitingChains}), and never past a row waiting to be chained.
 */
@Timeout(60)
class PendingFloorTest {

    static final String WORKSPACE = "T0FLOOR";

    final TestDatabase db = TestPostgres.freshDatabase();

    @Test
    @DisplayName("a smaller id committed after a larger one keeps the floor below it until its transaction ends")
    void waitsForTheTransactionThatTookASmallerId() throws SQLException {
        try (var slow = db.connect(); var fast = db.connect(); var sequencer = db.connect()) {
            slow.setAutoCommit(false);
            assertThat(note(slow)).isEqualTo(1);
            assertThat(note(fast)).isEqualTo(2);
            chain(sequencer, 2);
            var floor = new PendingFloor();

            var first = WaitingChains.look(sequencer, 0, floor.floor(), false);
            assertThat(first.notes().maxId()).isEqualTo(2);
            assertThat(first.lowestNote()).as("2 is chained, 1 not committed yet").isNull();
            assertThat(first.chains()).isEmpty();
            floor.looked(first.notes(), first.lowestNote());
            assertThat(floor.floor()).as("a look never settles itself").isZero();

            var whileOpen = WaitingChains.look(sequencer, 0, floor.floor(), false);
            assertThat(whileOpen.notes().oldestOpen()).as("the slow transaction began before the first look")
                    .isBefore(first.notes().at());
            floor.looked(whileOpen.notes(), whileOpen.lowestNote());
            assertThat(floor.floor()).as("id 1 may still commit").isZero();

            slow.commit();
            var afterCommit = WaitingChains.look(sequencer, 0, floor.floor(), false);
            assertThat(afterCommit.notes().oldestOpen()).isAfter(first.notes().at());
            assertThat(afterCommit.lowestNote()).isEqualTo(1);
            assertThat(afterCommit.chains()).containsExactly(WORKSPACE);
            floor.looked(afterCommit.notes(), afterCommit.lowestNote());
            assertThat(floor.floor()).as("settled, but 1 waits to be chained").isZero();

            chain(sequencer, 1);
            var chained = WaitingChains.look(sequencer, 0, floor.floor(), false);
            assertThat(chained.lowestNote()).isNull();
            floor.looked(chained.notes(), chained.lowestNote());
            assertThat(floor.floor()).isEqualTo(2);
            assertThat(WaitingChains.look(sequencer, 0, floor.floor(), true).chains()).as("every chain")
                    .containsExactly(WORKSPACE);
        }
    }

    @Test
    @DisplayName("never past a row still waiting, and without the database's word only after the settling time")
    void notPastAWaitingRowNorOnAnUnknownAnswer() {
        var floor = new PendingFloor();
        var t = Instant.parse("2026-12-02T21:00:00Z");
        floor.looked(new TableLook(10, t, null), null);
        floor.looked(new TableLook(20, t.plusSeconds(1), null), null);
        assertThat(floor.floor()).as("open transactions unknown: wait SETTLED_NANOS").isZero();

        floor.looked(new TableLook(30, t.plusSeconds(2), t.plusMillis(1500)), 7L);
        assertThat(floor.floor()).as("10 and 20 settled, but 7 is still waiting").isEqualTo(6);

        floor.looked(new TableLook(40, t.plusSeconds(3), t.plusMillis(2500)), null);
        assertThat(floor.floor()).isEqualTo(30);
    }

    private static long note(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO audit_note (workspace_id, kind, actor_id, occurred_at)"
                + " VALUES (?, 'EvidenceExported', 'U0AUDITOR', now()) RETURNING id")) {
            statement.setString(1, WORKSPACE);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** As if the sequencer had chained audit note {@code id} (the hashes are not what this test is about). */
    private static void chain(Connection connection, long id) throws SQLException {
        execute(connection, "INSERT INTO audit_chain (chain_id, size, head_hash, updated_at) VALUES ('" + WORKSPACE
                + "', 0, decode(repeat('00', 32), 'hex'), now()) ON CONFLICT DO NOTHING");
        execute(connection, "INSERT INTO audit_entry (chain_id, seq, prev_hash, hash, body, kind, occurred_at, source,"
                + " source_id) VALUES ('" + WORKSPACE + "', " + id + ", decode(repeat('00', 32), 'hex'),"
                + " decode(repeat('00', 32), 'hex'), '{}', 'EvidenceExported', now(), 'audit_note', " + id + ")");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
