package dev.changebot.persistence.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.change.StoredChange;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SentStatements;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A locked change's write sets only the columns that differ from what its row holds
 * ({@link CommandWrite}, {@link LoadedRows}): what it leaves out is what the row already has, including
 * after an earlier write of the same command, and every part of the change reads back as it was.
 */
@Timeout(120)
class ChangeWritesTest {

    static final String TEAM = FakeSlackApi.TEAM_ID;

    FakeSlackApi slack;
    TestDatabase db;
    RunningApp app;
    Changes changes;
    Transactions transactions;

    @BeforeEach
    void start() {
        slack = FakeSlackApi.start();
        db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack);
        changes = app.bean(Changes.class);
        transactions = app.bean(Transactions.class);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("a column changed by a command's first write and changed back by its second is written back")
    void secondWriteSeesTheFirst() {
        var stored = store(ChangeReadsTest.fullyDescribed(1, ChangeState.PENDING_APPROVAL));
        var id = stored.id();
        var elsewhere = new MessageRef("C0ELSEWHERE", "1733149999.000900");

        List<String> writes;
        try (var sent = SentStatements.listen()) {
            transactions.inTransaction(() -> {
                var change = changes.findForUpdate(TEAM, id).orElseThrow();
                change.attachMessage(elsewhere);
                changes.update(change, new ChangeEvent.IssueReported(id, "U0ENG", ChangeReadsTest.T, "first"));
                change.attachMessage(stored.message());
                changes.update(change, new ChangeEvent.IssueReported(id, "U0ENG", ChangeReadsTest.T, "second"));
                return null;
            });
            writes = sent.onThisThread().stream().filter(sql -> sql.startsWith("with changed as")).toList();
        }

        assertThat(writes).hasSize(2).allSatisfy(write -> assertThat(write)
                .startsWith("with changed as (update change_request set message_channel_id = $1, message_ts = $2,"
                        + " updated_at = $3 where"));
        assertThat(changes.find(TEAM, id).map(ChangeReadsTest::parts)).as("every part as stored").contains(stored);
        assertThat(db.rows("SELECT count(*) AS n FROM change_event WHERE type = 'IssueReported'").get(0).get("n"))
                .isEqualTo(2L);
    }

    @Test
    @DisplayName("a write of a change with nothing but its time changed sets only its time; every JSON column stays")
    void unchangedColumnsAreLeftAsTheyAre() {
        var stored = store(ChangeReadsTest.emergency(1));
        var before = db.rows("SELECT * FROM change_request").get(0);

        List<String> writes;
        try (var sent = SentStatements.listen()) {
            transactions.inTransaction(() -> {
                var change = changes.findForUpdate(TEAM, stored.id()).orElseThrow();
                changes.update(change, new ChangeEvent.IssueReported(stored.id(), "U0IC", ChangeReadsTest.T, "noted"));
                return null;
            });
            writes = sent.onThisThread().stream().filter(sql -> sql.startsWith("with changed as")).toList();
        }

        assertThat(writes).singleElement().satisfies(write -> assertThat(write)
                .startsWith("with changed as (update change_request set updated_at = $1 where"));
        var after = db.rows("SELECT * FROM change_request").get(0);
        before.remove("updated_at");
        after.remove("updated_at");
        assertThat(after).isEqualTo(before);
        assertThat(changes.find(TEAM, stored.id()).map(ChangeReadsTest::parts)).contains(stored);
    }

    @Test
    @DisplayName("an update that changes no indexed column is HOT: the table leaves room on its pages (fillfactor 70)")
    void unindexedUpdateIsHot() {
        var stored = store(ChangeReadsTest.emergency(1));

        transactions.inTransaction(() -> {
            var change = changes.findForUpdate(TEAM, stored.id()).orElseThrow();
            changes.update(change, new ChangeEvent.IssueReported(stored.id(), "U0IC", ChangeReadsTest.T, "noted"));
            return null;
        });

        assertThat(db.rows("SELECT reloptions::text AS options FROM pg_class WHERE relname = 'change_request'").get(0)
                .get("options")).isEqualTo("{fillfactor=70}");
        // The app's backend reports its counts when it goes idle (about a second): a bounded look, not a wait.
        var deadline = java.time.Instant.now().plusSeconds(30);
        while (hotUpdates() < 1) {
            assertThat(java.time.Instant.now()).as("the update counted as HOT within 30 s").isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }

    private long hotUpdates() {
        return ((Number) db.rows("SELECT pg_stat_clear_snapshot(), n_tup_hot_upd FROM pg_stat_user_tables"
                + " WHERE relname = 'change_request'").get(0).get("n_tup_hot_upd")).longValue();
    }

    private StoredChange store(StoredChange stored) {
        return ChangeReadsTest.store(transactions, changes, stored);
    }
}
