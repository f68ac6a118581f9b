package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.application.audit.TakeCheckpoints;
import dev.changebot.application.change.FireTimer;
import dev.changebot.cli.ChangebotCommand;
import dev.changebot.domain.audit.Checkpoint;
import dev.changebot.domain.audit.SignedNote;
import dev.changebot.domain.audit.VerifierKey;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.scheduling.AuditSequencer;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.DatabaseAdmin;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * chat-backend in March 2026: a change approved by button, one pre-approved, one approved by
 * reaction, one approved by command and started by override in the weekend freeze, and an
 * emergency whose retrospective came late — all driven through the running app; then the
 * compliance officer's `/change evidence 2026-03`, whose zip is read back with Commons CSV and
 * checked row by row against what happened.
 */
@Timeout(180)
class EvidencePackFlowTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0REQUEST";
    static final String BACKEND = "U0BACKEND";
    static final String LEADS = "U0LEADS";
    static final String IC = "U0IC";
    static final String OTHER = "U0OTHER";
    static final String AUDITOR = "U0AUDIT";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void march() {
        // The sequencer chains when this node records something (and when a test asks); no background poll,
        // so a fact written by "another node" stays unchained until a test chains it.
        // After a chain's first checkpoint, the job signs again only once the interval passed: never, in these
        // tests, so a test decides what the newest checkpoint covers.
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend", "changebot.audit.poll", "0s",
                "changebot.audit.checkpoint-interval", "3650d"), clock);
        slack.userGroup("backend-leads", BACKEND, LEADS);
        slack.userGroup("sre-leads", LEADS);
        slack.userGroup("sre-oncall", IC);
        slack.userGroup("compliance", AUDITOR);

        // CHG-1, medium: approved with the button, started in the window, deployed, done.
        request("medium", "Rotate the API gateway certificates");
        click(1, BACKEND, SlackIds.APPROVE_BUTTON);
        clock.set(Instant.parse("2026-03-03T11:00:00Z"));
        say(REQUESTER, "start CHG-1");
        say(REQUESTER, "deployed CHG-1 production");
        // Production's hour of monitoring runs out before the work is reported done.
        clock.set(Instant.parse("2026-03-03T13:00:00Z"));
        fireFirst("SOAK_END");
        say(REQUESTER, "done CHG-1");
        clock.set(Instant.parse("2026-03-03T14:00:00Z"));
        // CHG-2, low: pre-approved by the policy.
        request("low", "Bump the log level of the notifier");
        // CHG-3, medium: approved with the approve reaction.
        request("medium", "=HYPERLINK(\"http://evil\") \"quoted\", with comma");
        app.slack(SlackPayloads.reaction("EvEvidence3", true, BACKEND, "white_check_mark", CHANNEL, messageTs(3),
                "1700000300.000100"), SlackPayloads.JSON);
        // CHG-4, medium: approved by command, then started by override in the weekend freeze.
        request("medium", "Hotfix the card capture retry");
        say(LEADS, "approve CHG-4");
        clock.set(Instant.parse("2026-03-06T17:00:00Z"));
        click(4, LEADS, SlackIds.START_BUTTON);
        overrideWith(LEADS, "Card captures failing for EU customers; fix cannot wait.");
        // CHG-5: an emergency, resolved; its retrospective is overdue, then met late.
        say(IC, "emergency Roll back the bad payments config");
        say(IC, "resolve CHG-5");
        clock.set(Instant.parse("2026-03-07T17:00:05Z"));
        fire("FOLLOW_UP_DUE", "retrospective");
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        submitRetrospective(OTHER);
        app.deliverOutbox();
        clock.set(Instant.parse("2026-03-20T12:00:00Z"));
        slack.clear();
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

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
        assertThat(files.keySet()).containsExactly("changes.csv", "approvals.csv", "exceptions.csv", "audit.jsonl",
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

    @Test
    @DisplayName("/change audit CHG-n: chained entries verified one by one, an edited one caught, events not chained yet said so")
    void auditTrail() {
        app.bean(AuditSequencer.class).chainNow();
        // As the database's administrator, triggers off: CHG-1's approval is said to be someone else's.
        DatabaseAdmin.withTriggersOff(db, "UPDATE audit_entry SET body = replace(body, '\"" + BACKEND + "\"', '\"U0MALLORY\"')"
                + " WHERE change_number = 1 AND kind = 'ChangeApproved'");
        // Recorded by another node after this one's last pass: listed, but not chained yet.
        db.rows("INSERT INTO change_event (change_id, workspace_id, type, actor_id, occurred_at)"
                + " SELECT id, workspace_id, 'ChangeCancelled', ?, ? FROM change_request WHERE number = 3 RETURNING id",
                REQUESTER, Timestamp.from(clock.instant()));

        var response = JsonParser.parseString(app.slack(SlashCommands.of(AUDITOR, CHANNEL, "audit CHG-1"),
                SlackPayloads.FORM).body()).getAsJsonObject();

        var blocks = response.get("blocks").toString();
        assertThat(blocks).contains("Audit trail of CHG-1", "1 failing verification", "*ChangeRequested*",
                "❌ hash differs", "*ChangeApproved*");
        var third = JsonParser.parseString(app.slack(SlashCommands.of(AUDITOR, CHANNEL, "audit CHG-3"),
                SlackPayloads.FORM).body()).getAsJsonObject().get("blocks").toString();
        assertThat(third).contains("Audit trail of CHG-3", "recorded but not chained yet", "⏳ *ChangeCancelled*")
                .doesNotContain("failing verification");
        assertThat(say(AUDITOR, "audit CHG-99")).contains("CHG-99");
        assertThat(say(AUDITOR, "audit CHG-x")).contains("`/change audit` needs a change id");
    }

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
        assertThat(csv(files.get("approvals.csv"))).hasSize(4);

        // The auditor's check, offline: the pack's chain against its signed checkpoint and the published key.
        var publicKey = new String(files.get("public-key.txt"), StandardCharsets.UTF_8).strip();
        var verified = new StringWriter();
        assertThat(ChangebotCommand.run(new PrintWriter(verified), new PrintWriter(errors), "audit", "verify",
                "--pack", out.toString(), "--pubkey", publicKey)).as(verified + "\n" + errors).isZero();
        assertThat(verified.toString()).doesNotContain("NOT checked")
                .contains("covered by a valid signed checkpoint: every entry (1.." + (size + 1) + ")");

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

    private void request(String changeClass, String title) {
        var response = app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(clock.instant().plus(Duration.ofHours(2))).inClass(changeClass).title(title).state()),
                SlackPayloads.FORM);
        assertThat(response.body()).as("the request form is accepted").doesNotContain("errors");
        // The outbox paces posts per channel by the clock: a minute on, the announcement goes out.
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        app.deliverOutbox();
    }

    private String messageTs(long number) {
        return db.rows("SELECT message_ts FROM change_request WHERE number = ?", number).get(0).get("message_ts").toString();
    }

    private void click(long number, String user, String actionId) {
        app.slack(SlackPayloads.buttonClick(user, CHANNEL, messageTs(number), actionId,
                ChangeRef.of(new ChangeId(number)).encode()), SlackPayloads.FORM);
    }

    private void overrideWith(String user, String text) {
        var modal = slack.calls("views.open").get(slack.calls("views.open").size() - 1).json("view").getAsJsonObject();
        var justification = new JsonObject();
        var input = new JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue(text));
        justification.add(SlackIds.OVERRIDE_JUSTIFICATION, input);
        app.slack(SlackPayloads.viewSubmission(user, SlackIds.OVERRIDE_MODAL, modal.get("private_metadata").getAsString(),
                justification), SlackPayloads.FORM);
    }

    private void fireFirst(String kind) {
        var id = ((Number) db.rows("SELECT id FROM change_timer WHERE kind = ? ORDER BY id", kind).get(0).get("id"))
                .longValue();
        app.bean(FireTimer.class).fire(id);
        app.deliverOutbox();
    }

    private void fire(String kind, String ref) {
        var id = ((Number) db.rows("SELECT id FROM change_timer WHERE kind = ? AND ref = ?", kind, ref).get(0).get("id"))
                .longValue();
        app.bean(FireTimer.class).fire(id);
        app.deliverOutbox();
    }

    private void submitRetrospective(String user) {
        var values = new JsonObject();
        for (var ask : new String[] {"what_changed", "why_urgent", "gates_skipped", "link"}) {
            var input = new JsonObject();
            input.add(SlackIds.INPUT, SlackPayloads.textValue("answer to " + ask));
            values.add(SlackIds.ANSWER_PREFIX + ask, input);
        }
        app.slack(SlackPayloads.viewSubmission(user, SlackIds.SATISFY_MODAL,
                ChangeRef.obligation(new ChangeId(5), "retrospective").encode(), values), SlackPayloads.FORM);
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommands.of(user, CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    /** The pack is built after the ack: its upload is awaited, for a bounded time. */
    private SlackCall awaitCall(String method) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slack.calls(method).isEmpty()) {
            assertThat(System.nanoTime()).as("no %s within 30 s; calls: %s", method, slack.calls()).isLessThan(deadline);
            LockSupport.parkNanos(20_000_000);
        }
        return slack.calls(method).get(0);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = format.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }
}
