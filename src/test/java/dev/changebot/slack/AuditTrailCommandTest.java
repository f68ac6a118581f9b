package dev.changebot.slack;

import static dev.changebot.support.EvidenceScenario.AUDITOR;
import static dev.changebot.support.EvidenceScenario.BACKEND;
import static dev.changebot.support.EvidenceScenario.LEADS;
import static dev.changebot.support.EvidenceScenario.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.audit.TakeCheckpoints;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.scheduling.AuditSequencer;
import dev.changebot.support.DatabaseAdmin;
import dev.changebot.support.EvidenceScenario;
import dev.changebot.support.OnMarch2026;
import dev.changebot.cli.ChangebotCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `/change audit CHG-n` on March 2026 (EvidenceScenario): what each entry of a change's trail is marked. */
@Timeout(180)
class AuditTrailCommandTest extends OnMarch2026 {

    @Test
    @DisplayName("/change audit CHG-n: entries up to a signed checkpoint verified, later ones chained only, unchained ones said so")
    void intactTrail() {
        app.bean(AuditSequencer.class).chainNow();
        app.bean(TakeCheckpoints.class).now();
        // Chained after the newest checkpoint: chained, not yet checkpointed.
        cancelled(3);
        app.bean(AuditSequencer.class).chainNow();
        // The checkpoint above woke this node's sequencer: its pass must be over before "another node" writes.
        assertThat(app.bean(AuditSequencer.class).awaitIdle(Duration.ofSeconds(30))).isTrue();
        // Recorded by another node after this one's last pass: listed, but not chained yet.
        cancelled(3);

        var first = scenario.blocksOf(AUDITOR, "audit CHG-1");
        assertThat(first).contains("Audit trail of CHG-1", "*ChangeRequested*", "*ChangeApproved*", "✅ #",
                        "8 entries in the audit chain: 8 verified.", "*StageApproved* (by command, as qa) — <@" + EvidenceScenario.QA + ">")
                .doesNotContain("*not verified*", "The chain breaks", "not yet checkpointed —");
        var third = scenario.blocksOf(AUDITOR, "audit CHG-3");
        assertThat(third).contains("Audit trail of CHG-3", "1 chained, not yet checkpointed", "🔗 chained, not yet checkpointed —",
                "recorded but not chained yet", "⏳ *ChangeCancelled*", "✅ #")
                .doesNotContain("*not verified*", "The chain breaks");
        assertThat(say(AUDITOR, "audit CHG-99")).contains("CHG-99");
        assertThat(say(AUDITOR, "audit CHG-x")).contains("`/change audit` needs a change id");
    }

    @Test
    @DisplayName("/change audit CHG-n: a checkpoint whose signature does not verify with the published key verifies nothing")
    void forgedCheckpointSignature() {
        app.bean(AuditSequencer.class).chainNow();
        app.bean(TakeCheckpoints.class).now();
        // As the database's administrator: the recorded checkpoint re-signed with a key of the same name.
        var note = (String) db.rows("SELECT note FROM audit_checkpoint ORDER BY size DESC LIMIT 1").get(0).get("note");
        var forged = SignedNote.sign(SignedNote.parse(note).text(), SigningKey.generate("changebot-audit")).format();
        DatabaseAdmin.withTriggersOff(db, "UPDATE audit_checkpoint SET note = '" + forged + "'");

        var blocks = scenario.blocksOf(AUDITOR, "audit CHG-1");
        assertThat(blocks).contains("⚠️ not verified (", "no valid signature by the configured public key", "*not verified*")
                .doesNotContain("✅ #");
    }

    @Test
    @DisplayName("/change audit CHG-n: an edited entry breaks the chain, and the trail says where")
    void tamperedEntry() {
        app.bean(AuditSequencer.class).chainNow();
        app.bean(TakeCheckpoints.class).now();
        // As the database's administrator, triggers off: CHG-1's approval is said to be someone else's.
        DatabaseAdmin.withTriggersOff(db, "UPDATE audit_entry SET body = replace(body, '\"" + BACKEND + "\"', '\"U0MALLORY\"')"
                + " WHERE change_number = 1 AND kind = 'ChangeApproved'");
        long seq = ((Number) db.rows("SELECT seq FROM audit_entry WHERE change_number = 1 AND kind = 'ChangeApproved'")
                .get(0).get("seq")).longValue();

        var blocks = scenario.blocksOf(AUDITOR, "audit CHG-1");
        assertThat(blocks).contains("Audit trail of CHG-1", "*ChangeRequested*", "*ChangeApproved*",
                "The chain breaks at seq " + seq + ": its hash is not SHA-256 of its prev and body",
                "❌ its hash is not SHA-256", "the chain breaks at seq " + seq + ", before the signed checkpoint")
                .doesNotContain("✅ #");
        var second = scenario.blocksOf(AUDITOR, "audit CHG-2");
        assertThat(second).as("CHG-2's entries come after the break").contains("after the break at seq " + seq);
    }

    @Test
    @DisplayName("a rejection carries its provenance: how it was given and the roles that made it count, in the trail and approvals.csv")
    void rejectionProvenance(@TempDir Path dir) throws Exception {
        // Monday morning: the change may start inside the window, two hours on.
        clock.set(java.time.Instant.parse("2026-03-23T09:00:00Z"));
        scenario.request("medium", "Retire the v1 API");
        assertThat(say(LEADS, "reject CHG-6 Not before the clients migrated")).doesNotContain("Only approvers");
        app.bean(AuditSequencer.class).chainNow();

        assertThat(db.rows("SELECT details->>'via' AS via, details->'roles'->>0 AS role FROM change_event"
                + " WHERE type = 'ChangeRejected'")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("via", "command").containsEntry("role", "backend-lead"));
        assertThat(scenario.blocksOf(AUDITOR, "audit CHG-6")).contains("*ChangeRejected* (by command, as backend-lead");

        var out = dir.resolve("pack.zip");
        assertThat(ChangebotCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "evidence",
                "export", "--period", "2026-03", "--out", out.toString(), "--db", db.url(), "--db-user", db.user(),
                "--db-password", db.password(), "--key-file", dir.resolve("none.pem").toString())).isZero();
        var approvals = EvidenceScenario.csv(EvidenceScenario.unzip(Files.readAllBytes(out)).get("approvals.csv"));
        assertThat(approvals).filteredOn(r -> r.get("change").equals("CHG-6")).singleElement().satisfies(r -> assertThat(r.toMap())
                .containsEntry("decision", "rejected: Not before the clients migrated").containsEntry("via", "command")
                .containsEntry("role", "backend-lead").containsEntry("approver", LEADS)
                .containsEntry("approver_held_role", "yes").containsEntry("approver_not_requester", "yes"));
    }

    private void cancelled(long number) {
        db.rows("INSERT INTO change_event (change_id, workspace_id, type, actor_id, occurred_at)"
                + " SELECT id, workspace_id, 'ChangeCancelled', ?, ? FROM change_request WHERE number = ? RETURNING id",
                REQUESTER, Timestamp.from(clock.instant()), number);
    }

    private String say(String user, String text) {
        return scenario.say(user, text);
    }
}
