package dev.changebot.slack;

import static dev.changebot.support.EvidenceScenario.AUDITOR;
import static dev.changebot.support.EvidenceScenario.BACKEND;
import static dev.changebot.support.EvidenceScenario.CHANNEL;
import static dev.changebot.support.EvidenceScenario.IC;
import static dev.changebot.support.EvidenceScenario.LEADS;
import static dev.changebot.support.EvidenceScenario.OTHER;
import static dev.changebot.support.EvidenceScenario.REQUESTER;
import static dev.changebot.support.EvidenceScenario.csv;
import static dev.changebot.support.EvidenceScenario.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.cli.ChangebotCommand;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.scheduling.AuditSequencer;
import dev.changebot.support.EvidenceScenario;
import dev.changebot.support.OnMarch2026;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.SlackCall;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance officer's `/change evidence` on March 2026 (EvidenceScenario): the zip is read back
 * with Commons CSV and checked row by row against what happened, and verified offline.
 */
@Timeout(180)
class EvidencePackFlowTest extends OnMarch2026 {

    @Test
    @DisplayName("the compliance officer gets the month's pack in a DM: every change, approval and exception as it happened")
    void packForTheMonth(@TempDir Path dir) throws IOException {
        var answer = say(AUDITOR, "evidence 2026-03");
        assertThat(answer).contains("Building the evidence pack for 2026-03", "2026-03-01..2026-03-31 (UTC)");

        var completed = awaitCall("files.completeUploadExternal");
        assertThat(completed.param("channel_id")).isEqualTo("D" + AUDITOR);
        assertThat(completed.param("initial_comment")).contains("5 changes", "1 emergency", "1 pre-approved",
                "1 override", "Change ids follow each other without a gap");
        assertThat(slack.calls("conversations.open")).singleElement()
                .satisfies(c -> assertThat(c.param("users")).isEqualTo(AUDITOR));
        var files = unzip(slack.uploaded(slack.calls("upload").get(0).param("file_id")));
        assertThat(files.keySet()).containsExactly("changes.csv", "approvals.csv", "exceptions.csv", "incidents.csv", "conflicts.csv", "audit.jsonl",
                "checkpoint.txt", "public-key.txt", "README.txt");

        var changes = csv(files.get("changes.csv"));
        assertThat(changes).extracting(r -> r.get("id")).containsExactly("CHG-1", "CHG-2", "CHG-3", "CHG-4", "CHG-5");
        assertThat(changes.get(0).toMap()).containsEntry("class", "medium").containsEntry("requester", REQUESTER)
                .containsEntry("approvers", BACKEND).containsEntry("started", "2026-03-03T11:00:00Z")
                .containsEntry("deployed_first", "2026-03-03T11:00:00Z").containsEntry("outcome", "completed")
                .containsEntry("emergency", "no").containsEntry("created", "2026-03-02T09:00:00Z")
                .containsEntry("approved", "2026-03-02T09:01:00Z");
        assertThat(changes.get(0).get("slack_permalink")).startsWith("https://slack.com/archives/" + CHANNEL + "/p");
        assertThat(changes.get(1).toMap()).containsEntry("class", "low").containsEntry("approvers", "")
                .containsEntry("approved", "2026-03-03T14:00:00Z");
        assertThat(changes.get(2).get("title")).as("a formula is written as text, quotes and commas survive")
                .isEqualTo("'=HYPERLINK(\"http://evil\") \"quoted\", with comma");
        assertThat(changes.get(3).toMap()).containsEntry("approvers", LEADS)
                .containsEntry("started", "2026-03-06T17:00:00Z").containsEntry("outcome", "in progress")
                .containsEntry("overrides", "weekend; standard by " + LEADS + " at 2026-03-06T17:00:00Z");
        assertThat(changes.get(4).toMap()).containsEntry("emergency", "yes").containsEntry("requester", IC)
                .containsEntry("started", "2026-03-06T17:00:00Z");
        assertThat(changes.get(4).get("follow_ups_due")).contains("retrospective 2026-03-07T17:00:00Z");
        assertThat(changes.get(4).get("follow_ups_done")).isEqualTo("retrospective 2026-03-08T10:00:00Z by " + OTHER);

        var approvals = csv(files.get("approvals.csv"));
        assertThat(approvals).extracting(r -> String.join("|", r.get("change"), r.get("step"), r.get("role"),
                r.get("approver"), r.get("decision"), r.get("via"), r.get("approver_held_role"), r.get("approver_not_requester")))
                .containsExactly(
                        "CHG-1|1|backend-lead|" + BACKEND + "|approved|button|yes|yes",
                        "CHG-1|before production: Manual QA approval|qa|" + EvidenceScenario.QA + "|approved|command|yes|yes",
                        "CHG-2|||policy|pre-approved (class low)|policy||",
                        "CHG-3|1|backend-lead|" + BACKEND + "|approved|reaction|yes|yes",
                        "CHG-4|1|backend-lead|" + LEADS + "|approved|command|yes|yes");
        assertThat(approvals.get(0).get("at")).isEqualTo("2026-03-02T09:01:00Z");

        var exceptions = csv(files.get("exceptions.csv"));
        assertThat(exceptions).extracting(r -> r.get("change") + "|" + r.get("kind") + "|" + r.get("by"))
                .containsExactly("CHG-4|override|" + LEADS, "CHG-5|emergency|" + IC, "CHG-5|follow-up late|" + OTHER,
                        "CHG-5|follow-up missing|", "CHG-5|follow-up missing|");
        assertThat(exceptions.get(0).toMap()).containsEntry("rules", "weekend; standard")
                .containsEntry("justification", "Card captures failing for EU customers; fix cannot wait.");
        assertThat(exceptions.get(1).get("justification")).isEqualTo("Roll back the bad payments config");
        assertThat(exceptions.get(2).get("detail")).isEqualTo("retrospective due 2026-03-07T17:00:00Z");

        // CHG-2, 3 and 4 were planned two hours after their requests, a minute apart, by the same requester on
        // the same systems: each later one conflicts with those before it, found and recorded at its request.
        assertThat(new String(files.get("conflicts.csv"), StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "change,other_change,kind,overlap_start,overlap_end,detected_at,policy",
                "CHG-3,CHG-2,same person,2026-03-03T16:01:00Z,2026-03-03T16:45:00Z,2026-03-03T14:01:00Z,warn",
                "CHG-3,CHG-2,same system,2026-03-03T16:01:00Z,2026-03-03T16:45:00Z,2026-03-03T14:01:00Z,warn",
                "CHG-4,CHG-2,same person,2026-03-03T16:02:00Z,2026-03-03T16:45:00Z,2026-03-03T14:02:00Z,warn",
                "CHG-4,CHG-2,same system,2026-03-03T16:02:00Z,2026-03-03T16:45:00Z,2026-03-03T14:02:00Z,warn",
                "CHG-4,CHG-3,same person,2026-03-03T16:02:00Z,2026-03-03T16:46:00Z,2026-03-03T14:02:00Z,warn",
                "CHG-4,CHG-3,same system,2026-03-03T16:02:00Z,2026-03-03T16:46:00Z,2026-03-03T14:02:00Z,warn");

        var readme = new String(files.get("README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("audit verify --pack", "the key(s) checkpoints are signed with");
        // The running app's signing key, in the verifier key form audit verify --pubkey takes.
        var publicKey = new String(files.get("public-key.txt"), StandardCharsets.UTF_8).strip();
        assertThat(publicKey).matches("changebot-audit\\+[0-9a-f]{8}\\+[A-Za-z0-9+/=]{44}");
        // The export signed a checkpoint of the chain as exported: its signature covers every entry of the pack.
        var checkpoint = new String(files.get("checkpoint.txt"), StandardCharsets.UTF_8);
        assertThat(SignedNote.parse(checkpoint).signedBy(VerifierKey.parse(publicKey))).isTrue();
        long exported = new String(files.get("audit.jsonl"), StandardCharsets.UTF_8).lines().count();
        assertThat(Checkpoint.parse(SignedNote.parse(checkpoint).text()).size()).isEqualTo(exported);
        assertThat(readme).contains("it covers every entry of audit.jsonl, 1 to " + exported);
        assertThat(completed.param("initial_comment")).contains("every one covered by the signed checkpoint in the pack");
        assertThat(db.rows("SELECT note FROM audit_checkpoint WHERE size = ?", exported))
                .as("recorded, so the bot posts it to the audit channel").singleElement()
                .satisfies(r -> assertThat(r).containsEntry("note", checkpoint));
        var zip = dir.resolve("pack.zip");
        Files.write(zip, slack.uploaded(slack.calls("upload").get(0).param("file_id")));
        var verified = new StringWriter();
        var errors = new StringWriter();
        assertThat(ChangebotCommand.run(new PrintWriter(verified), new PrintWriter(errors), "audit", "verify",
                "--pack", zip.toString(), "--pubkey", publicKey)).as(verified + "\n" + errors).isZero();
        assertThat(verified.toString()).contains("covered by a valid signed checkpoint: every entry (1.." + exported + ")");
        assertThat(db.rows("SELECT actor_id, details->>'period' AS p FROM audit_note WHERE kind = 'EvidenceExported'"))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("actor_id", AUDITOR).containsEntry("p", "2026-03"));
    }


    @Test
    @DisplayName("the pack carries the whole chain the sequencer wrote and the newest checkpoint verbatim")
    void chainAndCheckpoint() throws IOException {
        app.bean(AuditSequencer.class).chainNow();
        var head = db.rows("SELECT size, head_hash FROM audit_chain WHERE chain_id = ?", FakeSlackApi.TEAM_ID).get(0);
        long size = ((Number) head.get("size")).longValue();
        var headHash = (byte[]) head.get("head_hash");
        var note = "changebot.audit/" + FakeSlackApi.TEAM_ID + "\n" + size + "\n...\n";
        db.rows("INSERT INTO audit_checkpoint (chain_id, size, head_hash, taken_at, note, key_name, key_id)"
                + " VALUES (?, ?, ?, now(), ?, 'changebot-audit', 'abcd') RETURNING id",
                FakeSlackApi.TEAM_ID, size, headHash, note);

        say(AUDITOR, "evidence 2026-03-01..2026-03-31");
        awaitCall("files.completeUploadExternal");
        var files = unzip(slack.uploaded(slack.calls("upload").get(0).param("file_id")));

        var lines = new String(files.get("audit.jsonl"), StandardCharsets.UTF_8).lines().toList();
        assertThat(size).as("everything the set-up recorded is chained").isGreaterThan(10);
        assertThat(lines).as("from the first entry to the head at export time").hasSizeGreaterThanOrEqualTo((int) size);
        var stored = db.rows("SELECT seq, body FROM audit_entry WHERE chain_id = ? ORDER BY seq", FakeSlackApi.TEAM_ID);
        for (int i = 0; i < size; i++) {
            var line = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            assertThat(line.get("seq").getAsLong()).isEqualTo(i + 1);
            assertThat(line.get("body").getAsString()).isEqualTo(stored.get(i).get("body"));
        }
        var last = JsonParser.parseString(lines.get((int) size - 1)).getAsJsonObject();
        assertThat(java.util.Base64.getDecoder().decode(last.get("hash").getAsString())).isEqualTo(headHash);
        assertThat(new String(files.get("checkpoint.txt"), StandardCharsets.UTF_8)).isEqualTo(note);
    }


    @Test
    @DisplayName("only the roles the policy names may export; a malformed or future period gets help; nothing is uploaded")
    void refusals() {
        assertThat(say(REQUESTER, "evidence 2026-03")).contains("Only compliance-officer, security-lead may export");
        assertThat(say(AUDITOR, "evidence last-quarter")).contains("is not a period I can read", "2026-Q3", "/change new");
        assertThat(say(AUDITOR, "evidence 2026-Q4")).contains("starts after today (2026-03-20 in UTC)");
        assertThat(say(AUDITOR, "evidence 2024-01-01..2026-03-01")).contains("one pack covers at most 366 days");
        assertThat(say(AUDITOR, "evidence")).contains("needs a period");
        assertThat(slack.calls("files.getUploadURLExternal")).isEmpty();
        assertThat(db.count("audit_note")).isZero();
    }


    private String say(String user, String text) {
        return scenario.say(user, text);
    }

    private SlackCall awaitCall(String method) {
        return scenario.awaitCall(method);
    }
}
