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
 * still commit a row at or below it has ended, as the database reports its open transactions.
 */
@Timeout(60)
class PendingFloorTest {

    final TestDatabase db = TestPostgres.freshDatabase();

    @Test
    @DisplayName("a smaller id committed after a larger one keeps the floor below it until its transaction ends")
    void waitsForTheTransactionThatTookASmallerId() throws SQLException {
        try (var slow = db.connect(); var fast = db.connect(); var sequencer = db.connect()) {
            execute(sequencer, "CREATE TABLE fact (id BIGSERIAL PRIMARY KEY)");
            slow.setAutoCommit(false);
            assertThat(insert(slow)).isEqualTo(1);
            assertThat(insert(fast)).isEqualTo(2);
            var floor = new PendingFloor();

            var first = TableLook.take(sequencer, "fact");
            assertThat(first.maxId()).isEqualTo(2);
            floor.looked(first, null);
            assertThat(floor.floor()).as("a look never settles itself").isZero();

            var whileOpen = TableLook.take(sequencer, "fact");
            assertThat(whileOpen.oldestOpen()).as("the slow transaction began before the first look")
                    .isBefore(first.at());
            floor.looked(whileOpen, null);
            assertThat(floor.floor()).as("id 1 may still commit").isZero();

            slow.commit();
            var afterCommit = TableLook.take(sequencer, "fact");
            assertThat(afterCommit.oldestOpen()).isAfter(first.at());
            floor.looked(afterCommit, null);
            assertThat(floor.floor()).isEqualTo(2);
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

    private static long insert(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("INSERT INTO fact DEFAULT VALUES RETURNING id")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
