package dev.changebot.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.application.change.FireTimer;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * chat-backend in March 2026, driven through the running app: a change approved by button, one
 * pre-approved, one approved by reaction, one approved by command and started by override in the
 * weekend freeze, and an emergency whose retrospective came late. The evidence and audit tests start
 * from it ({@link #march2026()}), with the clock left at 2026-03-20 and Slack's calls cleared.
 */
public final class EvidenceScenario implements AutoCloseable {

    public static final String CHANNEL = "C0DEPLOYS";
    public static final String REQUESTER = "U0REQUEST";
    public static final String BACKEND = "U0BACKEND";
    public static final String LEADS = "U0LEADS";
    public static final String IC = "U0IC";
    public static final String OTHER = "U0OTHER";
    public static final String AUDITOR = "U0AUDIT";
    public static final String QA = "U0QA";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    public final FakeSlackApi slack = FakeSlackApi.start();
    public final TestDatabase db = TestPostgres.freshDatabase();
    public final RunningApp app;

    private EvidenceScenario() {
        // The sequencer chains when this node records something (and when a test asks); no background poll,
        // so a fact written by "another node" stays unchained until a test chains it. After a chain's first
        // checkpoint, the job signs again only once the interval passed: never, in these tests, so a test
        // decides what the newest checkpoint covers.
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend", "changebot.audit.poll", "0s",
                "changebot.audit.checkpoint-interval", "3650d"), clock);
    }

    public static EvidenceScenario march2026() {
        var scenario = new EvidenceScenario();
        scenario.play();
        return scenario;
    }

    private void play() {
        slack.userGroup("backend-leads", BACKEND, LEADS);
        slack.userGroup("sre-leads", LEADS);
        slack.userGroup("sre-oncall", IC);
        slack.userGroup("compliance", AUDITOR);
        slack.userGroup("qa", QA);

        // CHG-1, medium: approved with the button, started in the window, deployed with QA's approval, done.
        request("medium", "Rotate the API gateway certificates");
        click(1, BACKEND, SlackIds.APPROVE_BUTTON);
        clock.set(Instant.parse("2026-03-03T11:00:00Z"));
        say(REQUESTER, "start CHG-1");
        // Category 2: staging, then QA's approval by command ("via Slack reaction (👍) or CLI command"), then production.
        say(REQUESTER, "deployed CHG-1 staging");
        say(QA, "approve CHG-1");
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

    @Override
    public void close() {
        app.close();
        slack.close();
    }

    /** A change requested in the channel with the complete form; its announcement delivered a minute on. */
    public void request(String changeClass, String title) {
        var response = app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(clock.instant().plus(Duration.ofHours(2))).inClass(changeClass).title(title).state()),
                SlackPayloads.FORM);
        assertThat(response.body()).as("the request form is accepted").doesNotContain("errors");
        // The outbox paces posts per channel by the clock: a minute on, the announcement goes out.
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        app.deliverOutbox();
    }

    public String messageTs(long number) {
        return db.rows("SELECT message_ts FROM change_request WHERE number = ?", number).get(0).get("message_ts").toString();
    }

    public void click(long number, String user, String actionId) {
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

    /** `/change <text>` in the channel: the answer's text (empty when the command only acked). */
    public String say(String user, String text) {
        var body = app.slack(SlackPayloads.slashCommand(user, CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    /** `/change <text>` in the channel: the answer's blocks, as JSON text. */
    public String blocksOf(String user, String text) {
        var body = app.slack(SlackPayloads.slashCommand(user, CHANNEL, text), SlackPayloads.FORM).body();
        return JsonParser.parseString(body).getAsJsonObject().get("blocks").toString();
    }

    /** A pack is built after the ack: its upload is awaited, for a bounded time. */
    public SlackCall awaitCall(String method) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slack.calls(method).isEmpty()) {
            assertThat(System.nanoTime()).as("no %s within 30 s; calls: %s", method, slack.calls()).isLessThan(deadline);
            LockSupport.parkNanos(20_000_000);
        }
        return slack.calls(method).get(0);
    }

    /** The zip uploaded first (awaited). */
    public byte[] uploadedPack() {
        awaitCall("files.completeUploadExternal");
        return slack.uploaded(slack.calls("upload").get(0).param("file_id"));
    }

    public static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    public static List<CSVRecord> csv(byte[] bytes) throws IOException {
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = format.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
