package dev.changebot.persistence.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.Emergency;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.change.OverrideRequest;
import dev.changebot.domain.change.PolicyException;
import dev.changebot.domain.change.Rejection;
import dev.changebot.domain.change.Risk;
import dev.changebot.domain.change.Soak;
import dev.changebot.domain.change.StoredChange;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reads mapped by hand ({@link ChangeReads}) give back every part of a change as it was stored,
 * its approvals in order to the microsecond, on every path that reads changes; and a lock that
 * waited for another approval's commit sees that approval.
 */
@Timeout(120)
class ChangeReadsTest {

    static final String TEAM = FakeSlackApi.TEAM_ID;
    static final Instant T = Instant.parse("2026-12-02T10:15:30.123456Z");

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
    @DisplayName("every read gives back every field, JSON column and approval as stored")
    void everyReadGivesBackWhatWasStored() {
        var full = store(fullyDescribed(1, ChangeState.PENDING_APPROVAL));
        var emergency = store(emergency(2));
        var plain = store(plain(3));
        var open = app.bean(OpenChanges.class);

        for (var expected : List.of(full, emergency, plain)) {
            var id = new ChangeId(expected.id().number());
            assertThat(changes.find(TEAM, id).map(ChangeReadsTest::parts)).as("find").contains(expected);
            assertThat(transactions.inTransaction(() -> changes.findForUpdate(TEAM, id)).map(ChangeReadsTest::parts))
                    .as("findForUpdate").contains(expected);
        }
        assertThat(changes.findAll(TEAM, List.of(new ChangeId(1), new ChangeId(2), new ChangeId(3), new ChangeId(9))))
                .map(ChangeReadsTest::parts).containsExactlyInAnyOrder(full, emergency, plain);
        var later = Instant.now().plusSeconds(60);
        assertThat(changes.findAwaitingApproval("", 0, later, 30)).map(ChangeReadsTest::parts).containsExactly(full, plain);
        assertThat(changes.findAwaitingApproval(TEAM, 1, later, 30)).map(ChangeReadsTest::parts).containsExactly(plain);
        assertThat(changes.findAwaitingApproval("", 0, later, 1)).map(ChangeReadsTest::parts).containsExactly(full);
        assertThat(changes.findAwaitingApproval(TEAM, 3, later, 30)).isEmpty();
        assertThat(changes.findAwaitingApproval("", 0, full.requestedAt().minusMillis(1), 30))
                .as("requested after the time asked for").isEmpty();
        assertThat(open.page(TEAM, 0, 30)).map(ChangeReadsTest::parts).containsExactly(full, emergency, plain);
        assertThat(open.page(TEAM, 1, 1)).map(ChangeReadsTest::parts).containsExactly(emergency);
        assertThat(open.after(TEAM, 1, 30)).map(ChangeReadsTest::parts).containsExactly(emergency, plain);
        assertThat(open.requestedBy(TEAM, "U0REQUEST", 30)).map(ChangeReadsTest::parts).containsExactly(full, plain);
        assertThat(open.awaitingApprovalAfter(TEAM, 1, 30)).map(ChangeReadsTest::parts).containsExactly(plain);
        assertThat(changes.find(TEAM, new ChangeId(9))).isEmpty();
        assertThat(changes.find("T0OTHER", new ChangeId(1))).isEmpty();
    }

    @Test
    @DisplayName("a lock that waited for another transaction's approval reads that approval too")
    void lockThatWaitedSeesTheApprovalItWaitedFor() throws Exception {
        store(plain(1));
        try (var other = db.connect()) {
            approveUncommitted(other, "U0FIRST");
            var locked = CompletableFuture.supplyAsync(() ->
                    transactions.inTransaction(() -> changes.findForUpdate(TEAM, new ChangeId(1)).orElseThrow()));
            awaitALockWait();
            other.commit();

            assertThat(locked.get().approvals()).extracting(Approval::approverId).containsExactly("U0FIRST");
        }
    }

    @Test
    @DisplayName("why the lock checks: its one statement alone reads the approvals as they were before the wait")
    void theStatementAloneWouldMissTheApproval() throws Exception {
        store(plain(1));
        try (var other = db.connect(); var waiter = db.connect()) {
            approveUncommitted(other, "U0FIRST");
            var row = CompletableFuture.supplyAsync(() -> {
                try (var statement = waiter.prepareStatement(NamedSql.of(ChangeSql.FOR_UPDATE).jdbc())) {
                    statement.setString(1, TEAM);
                    statement.setLong(2, 1);
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return List.of(rows.getString("approvals"), rows.getBoolean("as_of_snapshot"));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitALockWait();
            other.commit();

            assertThat(row.get()).containsExactly("[]", false);
        }
        // Without a wait, the same statement's approvals are current and it says so.
        try (var alone = db.connect(); var statement = alone.prepareStatement(NamedSql.of(ChangeSql.FOR_UPDATE).jdbc())) {
            statement.setString(1, TEAM);
            statement.setLong(2, 1);
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getString("approvals")).contains("U0FIRST");
                assertThat(rows.getBoolean("as_of_snapshot")).isTrue();
            }
        }
    }

    /** What an approval writes, as the app writes it (row locked, approval, row updated), not committed yet. */
    private void approveUncommitted(Connection other, String approver) throws SQLException {
        other.setAutoCommit(false);
        try (var sql = other.createStatement()) {
            sql.execute("SELECT id FROM change_request WHERE number = 1 FOR UPDATE");
            sql.execute("INSERT INTO change_approval (change_id, approver_id, approved_at, step)"
                    + " SELECT id, '" + approver + "', now(), 1 FROM change_request WHERE number = 1");
            sql.execute("UPDATE change_request SET updated_at = now() WHERE number = 1");
        }
    }

    /** Until a backend of this database waits for a lock (a row lock waits on the holder's transaction id). */
    private void awaitALockWait() {
        var deadline = Instant.now().plusSeconds(60);
        while (db.rows("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .isEmpty()) {
            assertThat(Instant.now()).as("a lock wait within a minute").isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    private StoredChange store(StoredChange stored) {
        return store(transactions, changes, stored);
    }

    /** Stores the change as the app adds one (with the event that requested it). */
    static StoredChange store(Transactions transactions, Changes changes, StoredChange stored) {
        transactions.inTransaction(() -> {
            changes.add(Change.restore(stored), new ChangeEvent.ChangeRequested(stored.id(), stored.requesterId(), T,
                    stored.details().title()));
            return null;
        });
        return stored;
    }

    /** Every part a change has, for comparing one read with what was stored. */
    static StoredChange parts(Change c) {
        return new StoredChange(c.id(), c.workspaceId(), c.requesterId(), c.originChannelId(), c.changeClass(),
                c.details(), c.requestedAt(), c.state(), c.approvals(), c.rejection().orElse(null),
                c.message().orElse(null), c.exception().orElse(null), c.pendingOverride().orElse(null),
                c.soak().orElse(null), c.rolloutPercent(), c.stagesPassed(), c.emergency().orElse(null),
                c.service().orElse(null), c.stageSignoffs(), c.obligations());
    }

    static StoredChange fullyDescribed(long number, ChangeState state) {
        var details = new ChangeDetails("Upgrade \"db\" — ünïcode", "Describe", "Because", "db, api", "production",
                Risk.HIGH, "plan", "roll back", "tested", T.plusSeconds(3600), Duration.ofMinutes(45),
                Map.of(ChangeField.ESTIMATED_DOWNTIME, "5 min, \"maybe\"", ChangeField.DESIGN_DOC, "https://x/y?z=1&w"));
        var approvals = List.of(new Approval("U0ALICE", T.plusNanos(1_000), 1), new Approval("U0BOB", T.plusSeconds(5), 1),
                new Approval("U0CAROL", T.plusSeconds(7), 2));
        return new StoredChange(new ChangeId(number), TEAM, "U0REQUEST", "C0DEPLOYS", "normal", details, T, state,
                approvals, new Rejection("U0REJ", "not now", T.plusSeconds(9)), new MessageRef("C0DEPLOYS", "1733140000.000100"),
                new PolicyException(List.of("U0LEAD", "U0CTO"), T.plusSeconds(11), "urgent", List.of("freeze", "window")),
                new OverrideRequest("need it", List.of("freeze"), List.of(new OverrideRequest.Signature("U0LEAD",
                        Set.of("lead", "sre"))), T.plusSeconds(13)),
                new Soak("staging", T.plusSeconds(17)), 25, List.of("staging", "canary"), null, "homepage");
    }

    static StoredChange emergency(long number) {
        var details = new ChangeDetails("Hotfix", null, null, null, "production", null, null, null, null, T,
                null, Map.of());
        var obligations = List.of(
                Obligation.owed("review", "Post-hoc review", T.plusSeconds(86400), Set.of("sre"), true, List.of("What broke?")),
                new Obligation("report", "Incident report", T.plusSeconds(7200), Set.of("lead", "sre"), false, List.of(),
                        Obligation.Status.SATISFIED, Optional.of("U0IC"), Optional.of(T.plusSeconds(60)),
                        Map.of("What broke?", "the cache", "Why?", "TTL")));
        return new StoredChange(new ChangeId(number), TEAM, "U0DECLARER", "C0INCIDENT", "emergency", details, T,
                ChangeState.FOLLOW_UPS_PENDING, List.of(), null, null, null, null, null, 0, List.of(),
                new Emergency("U0IC", Optional.of("SEV1")), null, List.of(), obligations);
    }

    private static StoredChange plain(long number) {
        var details = new ChangeDetails("Plain", "d", null, "s", "staging", Risk.LOW, "i", "r", "e", T, Duration.ofHours(1));
        return new StoredChange(new ChangeId(number), TEAM, "U0REQUEST", "C0DEPLOYS", "normal", details, T,
                ChangeState.PENDING_APPROVAL, new ArrayList<>(), null, null, null, null, null, 0, List.of(), null);
    }
}
