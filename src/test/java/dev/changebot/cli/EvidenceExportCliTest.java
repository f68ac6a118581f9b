package dev.changebot.cli;

import static dev.changebot.support.EvidenceScenario.REQUESTER;
import static dev.changebot.support.EvidenceScenario.csv;
import static dev.changebot.support.EvidenceScenario.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.audit.TakeCheckpoints;
import dev.changebot.scheduling.AuditSequencer;
import dev.changebot.support.EvidenceScenario;
import dev.changebot.support.OnMarch2026;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `evidence export` on the command line, on March 2026 (EvidenceScenario): the same pack, read from the database. */
@Timeout(180)
class EvidenceExportCliTest extends OnMarch2026 {

    @Test
    @DisplayName("evidence export on the command line writes the same pack from the database; bad periods exit 2")
    void commandLine(@TempDir Path dir) throws IOException {
        app.bean(AuditSequencer.class).chainNow();
        app.bean(TakeCheckpoints.class).now();
        // Recorded after the newest periodic checkpoint: only an export that signs covers it.
        db.rows("INSERT INTO change_event (change_id, workspace_id, type, actor_id, occurred_at)"
                + " SELECT id, workspace_id, 'ChangeCancelled', ?, ? FROM change_request WHERE number = 3 RETURNING id",
                REQUESTER, Timestamp.from(clock.instant()));
        app.bean(AuditSequencer.class).chainNow();
        var out = dir.resolve("pack.zip");
        var printed = new StringWriter();
        var errors = new StringWriter();

        var unsigned = dir.resolve("unsigned.zip");
        assertThat(ChangebotCommand.run(new PrintWriter(printed), new PrintWriter(errors), "evidence", "export",
                "--period", "2026-03", "--out", unsigned.toString(), "--db", db.url(), "--db-user", db.user(),
                "--db-password", db.password(), "--key-file", dir.resolve("no-key.pem").toString()))
                .as(errors.toString()).isZero();
        long size = ((Number) db.rows("SELECT max(size) AS s FROM audit_checkpoint").get(0).get("s")).longValue();
        assertThat(printed.toString()).contains("the newest signed checkpoint covers entries 1 to " + size + ", entries "
                + (size + 1) + " to " + (size + 1) + " are covered by no signature yet");
        assertThat(new String(unzip(Files.readAllBytes(unsigned)).get("README.txt"), StandardCharsets.UTF_8))
                .contains("entries 1 to " + size + " only: entries " + (size + 1) + " to " + (size + 1) + " were chained");
        assertThat(errors.toString()).contains("No signing key at");

        int exit = ChangebotCommand.run(new PrintWriter(printed), new PrintWriter(errors), "evidence", "export",
                "--period", "2026-03", "--out", out.toString(), "--db", db.url(), "--db-user", db.user(),
                "--db-password", db.password(), "--key-file", RunningApp.auditKeyFile(db.url()).toString());

        assertThat(exit).as(errors.toString()).isZero();
        assertThat(printed.toString()).contains("5 changes");
        var files = unzip(Files.readAllBytes(out));
        assertThat(csv(files.get("changes.csv"))).hasSize(5);
        assertThat(csv(files.get("approvals.csv"))).hasSize(5);  // CHG-1 has its review approval and its QA approval before production

        // The auditor's check, offline: the pack's chain against its signed checkpoint and the published key.
        var publicKey = new String(files.get("public-key.txt"), StandardCharsets.UTF_8).strip();
        var verified = new StringWriter();
        assertThat(ChangebotCommand.run(new PrintWriter(verified), new PrintWriter(errors), "audit", "verify",
                "--pack", out.toString(), "--pubkey", publicKey)).as(verified + "\n" + errors).isZero();
        // The unsigned export above recorded its own audit note, which the background pass may chain
        // before or after this export reads: the pack holds the entry after the checkpoint, perhaps that note too.
        var entries = java.util.regex.Pattern.compile("chain " + dev.changebot.support.FakeSlackApi.TEAM_ID
                + ": (\\d+) of (\\d+) entries valid").matcher(verified.toString());
        assertThat(entries.find()).as(verified.toString()).isTrue();
        long chained = Long.parseLong(entries.group(2));
        assertThat(entries.group(1)).isEqualTo(entries.group(2));
        assertThat(chained).isBetween(size + 1, size + 2);
        assertThat(verified.toString()).doesNotContain("NOT checked")
                .contains("covered by a valid signed checkpoint: every entry (1.." + chained + ")");

        assertThat(ChangebotCommand.run(new PrintWriter(printed), new PrintWriter(errors), "evidence", "export",
                "--from", "2030-01-01", "--to", "2030-01-31", "--out", out.toString(), "--db", db.url())).isEqualTo(2);
        assertThat(ChangebotCommand.run(new PrintWriter(printed), new PrintWriter(errors), "evidence", "export",
                "--period", "2026-03")).isEqualTo(64);
        var empty = dir.resolve("empty.zip");
        assertThat(ChangebotCommand.run(new PrintWriter(printed), new PrintWriter(errors), "evidence", "export",
                "--from", "2025-01-01", "--to", "2025-01-31", "--out", empty.toString(), "--db", db.url(),
                "--db-user", db.user(), "--db-password", db.password())).as(errors.toString()).isZero();
        var emptyPack = unzip(Files.readAllBytes(empty));
        assertThat(csv(emptyPack.get("changes.csv"))).isEmpty();
        assertThat(new String(emptyPack.get("README.txt"), StandardCharsets.UTF_8)).contains("0 changes");
    }


    @Test
    @DisplayName("a command-line export is recorded in the audit chain like a Slack one: who, the period and the pack's SHA-256")
    void exportIsRecorded(@TempDir Path dir) throws Exception {
        var out = dir.resolve("pack.zip");
        var errors = new StringWriter();
        int exit = ChangebotCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(errors), "evidence", "export",
                "--period", "2026-03", "--out", out.toString(), "--db", db.url(), "--db-user", db.user(),
                "--db-password", db.password(), "--key-file", RunningApp.auditKeyFile(db.url()).toString(),
                "--as", "U0AUDITOR");
        assertThat(exit).as(errors.toString()).isZero();
        var sha256 = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out)));
        app.bean(AuditSequencer.class).chainNow();

        assertThat(db.rows("SELECT body::jsonb->>'actor' AS actor, body::jsonb->'details'->>'period' AS period,"
                + " body::jsonb->'details'->>'sha256' AS sha256, body::jsonb->'details'->>'via' AS via"
                + " FROM audit_entry WHERE kind = 'EvidenceExported'")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("actor", "U0AUDITOR").containsEntry("period", "2026-03").containsEntry("sha256", sha256)
                .containsEntry("via", "command line"));

        // Without --as, the OS user; and the Slack export's record names its pack's SHA-256 the same way.
        assertThat(ChangebotCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(errors), "evidence", "export",
                "--period", "2026-03", "--out", out.toString(), "--db", db.url(), "--db-user", db.user(),
                "--db-password", db.password(), "--key-file", dir.resolve("none.pem").toString())).isZero();
        assertThat(db.rows("SELECT actor_id FROM audit_note WHERE kind = 'EvidenceExported' ORDER BY id"))
                .extracting(r -> r.get("actor_id"))
                .containsExactly("U0AUDITOR", "cli:" + System.getProperty("user.name"));
        scenario.say(EvidenceScenario.AUDITOR, "evidence 2026-03");
        var slackPack = scenario.uploadedPack();
        var slackSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(slackPack));
        assertThat(db.rows("SELECT details->>'sha256' AS sha256, details->>'via' AS via FROM audit_note"
                + " WHERE kind = 'EvidenceExported' AND actor_id = ?", EvidenceScenario.AUDITOR)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("sha256", slackSha).containsEntry("via", "slack"));
    }

    private String say(String user, String text) {
        return scenario.say(user, text);
    }

    private SlackCall awaitCall(String method) {
        return scenario.awaitCall(method);
    }
}
