package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every kind of request Slack sends, made while the database is away: slash commands, a button, a
 * modal submitted, a reaction and the App Home opened. Each answer is what the person sees: the
 * ephemeral text of a command, the errors on a modal, the ephemeral message a button or reaction
 * leads to, the Home published.
 */
final class OutageRequests {

    /** test-simple with an emergency class and a declared freeze, so those commands reach the database. */
    static final java.util.Map<String, Object> POLICY = java.util.Map.of("changebot.policy",
            "src/test/resources/policies/test-outage.yaml");
    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0REQUEST";
    static final String REVIEWER = "U0REVIEW";
    static final Duration SLACK_WINDOW = Duration.ofSeconds(3);
    /** Said by every answer to an outage: the shared "try again" and the Home's own sentence. */
    static final String OUTAGE_WORDS = "its database did not answer";
    private static final AtomicInteger EVENT_IDS = new AtomicInteger();

    /** What one request got, and how long the person waited for the HTTP answer. */
    record Answer(String kind, int status, String words, Duration took) {
    }

    private final RunningApp app;
    private final FakeSlackApi slack;
    private final TestDatabase db;
    private String messageTs;
    private String approveValue;

    OutageRequests(RunningApp app, FakeSlackApi slack, TestDatabase db) {
        this.app = app;
        this.slack = slack;
        this.db = db;
    }

    /** CHG-1 posted in the channel, while the database is there: the change the requests act on. */
    void createChange() {
        app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
        messageTs = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        approveValue = buttonValue(slack.calls("chat.postMessage").get(0), SlackIds.APPROVE_BUTTON);
        slack.clear();
    }

    List<Answer> sendEveryKind() {
        var answers = new ArrayList<Answer>();
        for (var text : List.of("list", "show CHG-1", "approve CHG-1", "emergency Roll back the payments config",
                "freeze start Black Friday")) {
            answers.add(timed("/change " + text.split(" ")[0] + (text.startsWith("freeze") ? " start" : ""),
                    () -> send(SlashCommands.of(REVIEWER, CHANNEL, text), SlackPayloads.FORM), OutageRequests::text));
        }
        // Opening the form needs no database: the answer is the form itself, opened on Slack.
        answers.add(timed("/change new", () -> send(SlashCommands.of(REQUESTER, CHANNEL, "new Upgrade payments-api"),
                SlackPayloads.FORM), response -> slack.calls("views.open").isEmpty() ? "" : "(the new-change form opened)"));
        answers.add(timed("button (block_actions)", () -> send(SlackPayloads.buttonClick(REVIEWER, CHANNEL, messageTs,
                SlackIds.APPROVE_BUTTON, approveValue), SlackPayloads.FORM), response -> ephemeralTo(REVIEWER)));
        answers.add(timed("view submission", () -> send(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(Instant.now().plus(Duration.ofDays(2))).state()),
                SlackPayloads.FORM), response -> response.body()));
        answers.add(timed("event: reaction_added", () -> send(SlackPayloads.reaction("EvOutage" + EVENT_IDS.incrementAndGet(),
                true, REVIEWER, "white_check_mark", CHANNEL, messageTs, "1700000100.000100"), SlackPayloads.JSON),
                response -> ephemeralTo(REVIEWER)));
        answers.add(timed("event: app_home_opened", () -> send(SlackPayloads.appHomeOpened(REVIEWER), SlackPayloads.JSON),
                response -> slack.calls("views.publish").stream().map(call -> call.param("view")).reduce("", String::concat)));
        return answers;
    }

    /** What any request's answer must be during an outage: in time, a 200, words, no Java. */
    static void assertToldInTime(List<Answer> answers) {
        for (var answer : answers) {
            assertThat(answer.took()).as(answer.kind() + ": inside Slack's 3-second window").isLessThan(SLACK_WINDOW);
            assertThat(answer.status()).as(answer.kind() + ": acknowledged").isEqualTo(200);
            if (answer.kind().equals("/change new")) {
                assertThat(answer.words()).as("the form opens without the database").isNotEmpty();
            } else {
                assertThat(answer.words()).as(answer.kind() + ": told in words").contains(OUTAGE_WORDS);
            }
            assertThat(answer.words()).as(answer.kind() + ": no Java in what the person sees")
                    .doesNotContain("Exception", "at dev.", "java.", "SQL");
        }
    }

    /** Nothing the outage requests started was stored: only CHG-1 and its request event. */
    void assertNothingHalfDone() {
        assertThat(db.count("change_request")).isEqualTo(1);
        assertThat(db.count("change_event")).isEqualTo(1);
        assertThat(db.count("change_approval")).isZero();
        assertThat(db.count("declared_freeze")).isZero();
        assertThat(db.count("reaction_ledger")).isZero();
    }

    /**
     * How long after the database returned the app could use it again: the pool retries its
     * connections with a back-off of up to 5 s (HikariCP), so the first requests after a long
     * outage may still hear "try again". Bounded: fails after {@code limit}.
     */
    Duration awaitDatabaseBack(Duration limit) {
        long started = System.nanoTime();
        var deadline = started + limit.toNanos();
        while (!"UP".equals(DatabaseStoppedTest.timedHealth(app).jdbc())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the database was not usable again within " + limit);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The database is back: the same approval goes through, and the list answers. */
    void assertWorksAgain() {
        var approved = app.slack(SlashCommands.of(REVIEWER, CHANNEL, "approve CHG-1"), SlackPayloads.FORM);
        assertThat(text(approved)).contains("approved");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "APPROVED");
        assertThat(text(app.slack(SlashCommands.of(REVIEWER, CHANNEL, "list"), SlackPayloads.FORM))).contains("CHG-1");
    }

    static String summary(String situation, List<Answer> answers) {
        var out = new StringBuilder("Answer times with the database " + situation + ":");
        answers.forEach(a -> out.append(String.format("%n  %-26s %4d ms", a.kind(), a.took().toMillis())));
        return out.toString();
    }

    private Answer timed(String kind, Supplier<HttpResponse<String>> request,
                         Function<HttpResponse<String>, String> words) {
        slack.clear();
        long started = System.nanoTime();
        var response = request.get();
        var took = Duration.ofNanos(System.nanoTime() - started);
        return new Answer(kind, response.statusCode(), words.apply(response), took);
    }

    private HttpResponse<String> send(String body, String contentType) {
        // Nothing is delivered from the outbox: it lives in the database that is away.
        return app.slackUndelivered(body, contentType, Instant.now());
    }

    private String ephemeralTo(String user) {
        return slack.calls("chat.postEphemeral").stream().filter(call -> user.equals(call.param("user")))
                .map(call -> call.param("text")).reduce("", String::concat);
    }

    private static String text(HttpResponse<String> response) {
        var json = JsonParser.parseString(response.body());
        return json.isJsonObject() && json.getAsJsonObject().has("text")
                ? json.getAsJsonObject().get("text").getAsString() : response.body();
    }

    private static String buttonValue(SlackCall post, String actionId) {
        for (var block : post.blocks()) {
            JsonObject b = block.getAsJsonObject();
            if ("actions".equals(b.get("type").getAsString())) {
                for (var element : b.getAsJsonArray("elements")) {
                    var e = element.getAsJsonObject();
                    if (actionId.equals(e.get("action_id").getAsString())) {
                        return e.get("value").getAsString();
                    }
                }
            }
        }
        throw new AssertionError("no " + actionId + " button on the posted message");
    }
}
