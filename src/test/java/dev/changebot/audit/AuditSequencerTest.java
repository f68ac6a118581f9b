package dev.changebot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.Transactions;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.scheduling.AuditSequencer;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SentStatements;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sequencer chains what the app recorded, after the commit, with the policy it runs first. */
@Timeout(120)
class AuditSequencerTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String MANAGER = "U0EM";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T14:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    @Test
    @DisplayName("change events, a freeze declared and lifted and an audit note become entries 2.. after PolicyLoaded; the live verifier passes")
    void chainsEverythingRecorded() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:pol-012", "changebot.audit.poll", "0s"), clock);
        slack.userGroup("eng-managers", MANAGER);
        slack.userGroup("engineers", "U0ENG1", "U0ENG2");
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.parse("2026-03-10T15:00:00Z")).inClass("standard").state()), SlackPayloads.FORM);
        say("U0ENG1", "approve CHG-1");
        say(MANAGER, "freeze start Launch day");
        clock.advance(Duration.ofMinutes(5));
        say(MANAGER, "freeze end");
        app.bean(Transactions.class).inTransaction(() -> {
            app.bean(AuditNotes.class).record(FakeSlackApi.TEAM_ID, "EvidenceExported", "U0AUDITOR", clock.instant(),
                    Map.of("period", "2026-Q1", "changes", 1L));
            return null;
        });

        app.bean(AuditSequencer.class).chainNow();

        var entries = db.rows("SELECT seq, kind, source, source_id, change_number FROM audit_entry ORDER BY seq");
        assertThat(entries.get(0)).containsEntry("kind", "PolicyLoaded").containsEntry("source", "policy");
        assertThat(db.rows("SELECT body FROM audit_entry WHERE seq = 1").get(0).get("body").toString())
                .contains("\"sha256\":\"" + PolicyFiles.sha256("preset:pol-012").orElseThrow() + "\"",
                        "\"id\":\"pol-012\"", "\"source\":\"preset:pol-012\"");
        assertThat(entries).extracting(r -> r.get("kind")).contains("ChangeRequested", "ChangeApproved",
                "FreezeDeclared", "FreezeLifted", "EvidenceExported");
        assertThat(entries).extracting(r -> ((Number) r.get("seq")).longValue())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(db.count("audit_entry")).isEqualTo(1 + db.count("change_event") + db.count("audit_note") + 2);
        assertThat(db.rows("SELECT size FROM audit_chain").get(0)).containsEntry("size", (long) entries.size());

        // The checkpoint job runs on Quartz's real-time schedule and may have signed the chain meanwhile
        // (with the app's key): checked with that key, whether it did or not.
        var appKey = Verify.run("audit", "pubkey", "--key-file", RunningApp.auditKeyFile(db.url()).toString()).out().strip();
        var verify = Verify.database(db, "--pubkey", appKey);
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains(entries.size() + " of " + entries.size() + " entries valid",
                "recorded facts: " + (entries.size() - 1) + " match their entries, 0 differ");
        var checkpoints = db.count("audit_checkpoint");
        assertThat(verify.out()).contains(checkpoints == 0 ? "checkpoints: none found"
                : "checkpoint signatures: " + checkpoints + " of " + checkpoints + " valid");
    }

    @Test
    @DisplayName("a commit that recorded a fact wakes the sequencer: chained without any poll")
    void wokenAfterCommit() {
        app = RunningApp.start(db, slack, Map.of("changebot.audit.poll", "0s"));
        app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);

        var chained = db.awaitRows(Duration.ofSeconds(20),
                "SELECT seq FROM audit_entry WHERE kind = 'ChangeRequested'");
        assertThat(chained).singleElement().satisfies(r -> assertThat(r).containsEntry("seq", 2L));
    }

    @Test
    @DisplayName("a restarted node with the same policy adds no PolicyLoaded; one with another policy adds one")
    void policyLoadedOncePerPolicy() {
        app = RunningApp.start(db, slack, Map.of("changebot.audit.poll", "0s"));
        app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).state()), SlackPayloads.FORM);
        app.bean(AuditSequencer.class).chainNow();
        app.close();
        app = RunningApp.start(db, slack, Map.of("changebot.audit.poll", "0s"));
        app.bean(AuditSequencer.class).chainNow();
        assertThat(db.rows("SELECT seq FROM audit_entry WHERE kind = 'PolicyLoaded'")).hasSize(1);
        app.close();

        app = RunningApp.start(db, slack, Map.of("changebot.audit.poll", "0s", "changebot.policy", "preset:pol-012"));
        app.bean(AuditSequencer.class).chainNow();

        assertThat(db.rows("SELECT seq, body FROM audit_entry WHERE kind = 'PolicyLoaded' ORDER BY seq"))
                .hasSize(2).last().satisfies(r -> assertThat(r.get("body").toString()).contains("\"id\":\"pol-012\""));
        var verify = Verify.database(db);
        assertThat(verify.exit()).as(verify.toString()).isZero();
    }

    @Test
    @DisplayName("a pass is four statements however many entries it chains: the look, the head locked, the facts read, the entries and the new head written")
    void onePassFourStatements() throws Exception {
        app = RunningApp.start(db, slack, Map.of("changebot.audit.poll", "0s"));
        app.bean(AuditSequencer.class).chainNow();
        // Recorded behind the app's back, so no commit of its wakes the sequencer's own thread: this thread chains them.
        try (var connection = db.connect(); var insert = connection.prepareStatement("INSERT INTO audit_note"
                + " (workspace_id, kind, actor_id, occurred_at) VALUES (?, 'EvidenceExported', 'U0AUDITOR', now())")) {
            insert.setString(1, FakeSlackApi.TEAM_ID);
            for (int i = 0; i < 12; i++) {
                insert.executeUpdate();
            }
        }

        try (var sent = SentStatements.listen()) {
            var pass = app.bean(AuditSequencer.class).chainNow();

            assertThat(pass.entries()).as("the policy the node runs, then the twelve notes").isEqualTo(13);
            var statements = sent.onThisThread().stream()
                    .filter(sql -> !sql.matches("(?s)(begin|commit|rollback)\\b.*")).toList();
            System.out.printf("A pass of 13 entries sent %d statements: %s%n", statements.size(), statements);
            assertThat(statements).hasSize(4);
            assertThat(statements.get(0)).as("the look").startsWith("with events as").contains("from audit_note");
            assertThat(statements.get(1)).as("the head, created when new").contains("insert into audit_chain")
                    .contains("for update");
            assertThat(statements.get(2)).as("the facts").contains("from change_event").contains("from audit_note")
                    .contains("from declared_freeze");
            assertThat(statements.get(3)).as("the entries and the head").contains("insert into audit_entry")
                    .contains("update audit_chain");
        }
        assertThat(db.rows("SELECT seq FROM audit_entry WHERE kind = 'EvidenceExported' ORDER BY seq"))
                .extracting(r -> ((Number) r.get("seq")).longValue()).containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(2, 13).boxed().toList());
        var verify = Verify.database(db);
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("13 of 13 entries valid");
    }

    private String say(String userId, String text) {
        return app.slack(SlackPayloads.slashCommand(userId, CHANNEL, text), SlackPayloads.FORM).body();
    }
}
