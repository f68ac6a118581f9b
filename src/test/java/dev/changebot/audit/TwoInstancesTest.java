package dev.changebot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.Transactions;
import dev.changebot.scheduling.AuditSequencer;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two app instances on one database, each with its sequencer polling, eight writers recording at
 * once (four through the apps' AuditNotes, which wake their sequencer; four as another node's rows
 * no sequencer here was told about) and both sequencers driven by hand meanwhile: the chain ends
 * gapless, each fact chained once, and the verifier passes.
 */
@Timeout(300)
class TwoInstancesTest {

    static final int PER_WRITER = 40;

    @Test
    @DisplayName("8 concurrent writers, 2 instances: gapless, each source once, verified intact")
    void concurrentWritersTwoInstances() throws Exception {
        var db = TestPostgres.freshDatabase();
        var settings = Map.<String, Object>of("changebot.audit.poll", "20ms");
        try (var slack = FakeSlackApi.start(); var first = RunningApp.start(db, slack, settings);
             var second = RunningApp.start(db, slack, settings)) {
            first.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel("C0DEPLOYS")
                    .encode(), ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);
            var apps = List.of(first, second);
            var pool = Executors.newFixedThreadPool(9);
            var writing = new AtomicBoolean(true);
            var writers = new ArrayList<Future<?>>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(pool.submit(writer < 4 ? (Callable<Void>) () -> notes(apps.get(writer % 2), writer)
                        : (Callable<Void>) () -> events(db, writer)));
            }
            var driver = pool.submit(() -> {
                int passes = 0;
                while (writing.get()) {
                    apps.get(passes++ % 2).bean(AuditSequencer.class).chainNow();
                }
                return passes;
            });
            for (var writer : writers) {
                writer.get(240, TimeUnit.SECONDS);
            }
            writing.set(false);
            driver.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            first.bean(AuditSequencer.class).chainNow();
            second.bean(AuditSequencer.class).chainNow();
        }

        long facts = db.count("change_event") + db.count("audit_note");
        assertThat(facts).isEqualTo(1 + 8L * PER_WRITER);
        assertThat(db.rows("SELECT count(*) AS n FROM audit_entry WHERE source_id IS NOT NULL").get(0).get("n"))
                .as("each recorded fact chained exactly once").isEqualTo(facts);
        var seqs = db.rows("SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi, count(DISTINCT seq) AS d FROM audit_entry")
                .get(0);
        assertThat(seqs.get("lo")).isEqualTo(1L);
        assertThat(seqs.get("hi")).as("gapless").isEqualTo(seqs.get("n")).isEqualTo(seqs.get("d"));
        var verify = Verify.database(db);
        assertThat(verify.exit()).as(verify.toString()).isZero();
    }

    private static Void notes(RunningApp app, int writer) {
        for (int i = 0; i < PER_WRITER; i++) {
            int n = i;
            app.bean(Transactions.class).inTransaction(() -> {
                app.bean(AuditNotes.class).record(FakeSlackApi.TEAM_ID, "EvidenceExported", "U0W" + writer, Instant.now(),
                        Map.of("writer", (long) writer, "n", (long) n));
                return null;
            });
        }
        return null;
    }

    /** Rows written as another node would: no sequencer in this process is told. */
    private static Void events(TestDatabase db, int writer) throws SQLException {
        try (var connection = db.connect(); var statement = connection.prepareStatement("INSERT INTO change_event"
                + " (change_id, workspace_id, type, actor_id, occurred_at, details) SELECT id, workspace_id,"
                + " 'ChangeCommented', ?, now(), jsonb_build_object('n', ?::int) FROM change_request WHERE number = 1")) {
            for (int i = 0; i < PER_WRITER; i++) {
                statement.setString(1, "U0W" + writer);
                statement.setInt(2, i);
                statement.executeUpdate();
            }
        }
        return null;
    }
}
