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
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages posted before every button carried a versioned reference still hold pipe-separated
 * values ("CHG-3|production|25") or a bare id. Clicking one does nothing, and the clicker alone
 * hears the slash command that does the same; a form of that time answers with a form error.
 * Each click is on the message of a change its button would act on, were the value readable.
 */
@Timeout(60)
class OlderButtonsTest {

    static final String REQUESTER = "U0REQUEST";
    static final String REVIEWER = "U0REVIEW";
    /** CHG-1 waits for approval, CHG-2 is approved, CHG-3 is under way, CHG-4 is an emergency under way. */
    static final int PENDING = 1;
    static final int APPROVED = 2;
    static final int STARTED = 3;
    static final int EMERGENCY = 4;
    /** Each change has a channel of its own: one channel's posts are paced, and the clicks are on posted messages. */
    static final List<String> CHANNELS = List.of("C0PENDING", "C0APPROVED", "C0STARTED", "C0EMERGENCY");

    static FakeSlackApi slack;
    static TestDatabase db;
    static RunningApp app;

    @BeforeAll
    static void changesInEveryStateAButtonActsIn() {
        slack = FakeSlackApi.start();
        db = TestPostgres.freshDatabase();
        // An emergency class and no windows: every state is a slash command away.
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "src/test/resources/policies/test-outage.yaml"));
        // A day apart: changes planned at the same time would conflict, and each conflict is told in the threads.
        int day = 1;
        for (var channel : CHANNELS.subList(0, 3)) {
            app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(channel).encode(),
                    ChangeForms.complete(Instant.now().plus(Duration.ofDays(day++))).state()), SlackPayloads.FORM);
        }
        say(REVIEWER, channelOf(APPROVED), "approve CHG-2");
        say(REVIEWER, channelOf(STARTED), "approve CHG-3");
        say(REQUESTER, channelOf(STARTED), "start CHG-3");
        say(REVIEWER, channelOf(EMERGENCY), "emergency Roll back the payments config");
        assertThat(states()).containsExactly("PENDING_APPROVAL", "APPROVED", "IN_PROGRESS", "IN_PROGRESS");
        assertThat(db.rows("SELECT message_ts FROM change_request WHERE message_ts IS NULL")).as("every change posted").isEmpty();
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void forget() {
        slack.clear();
    }

    static Stream<Arguments> olderButtons() {
        return Stream.of(
                Arguments.of(SlackIds.APPROVE_BUTTON, "CHG-1", PENDING, "`/change approve CHG-n`"),
                Arguments.of(SlackIds.REJECT_BUTTON, "CHG-1", PENDING, "`/change reject CHG-n &lt;reason&gt;`"),
                Arguments.of(SlackIds.START_BUTTON, "CHG-2", APPROVED, "`/change start CHG-n`"),
                Arguments.of(SlackIds.DEPLOYED_BUTTON, "CHG-3|production|", STARTED,
                        "`/change deployed CHG-n &lt;environment&gt;`"),
                Arguments.of(SlackIds.DEPLOYED_BUTTON, "CHG-3|production|25", STARTED,
                        "`/change deployed CHG-n &lt;environment&gt;`"),
                Arguments.of(SlackIds.DONE_BUTTON, "CHG-3", STARTED, "`/change done CHG-n`"),
                Arguments.of(SlackIds.ROLLED_BACK_BUTTON, "CHG-3", STARTED, "`/change rolledback CHG-n`"),
                Arguments.of(SlackIds.FAILED_BUTTON, "CHG-3", STARTED, "`/change failed CHG-n`"),
                Arguments.of(SlackIds.RESOLVE_BUTTON, "CHG-4", EMERGENCY, "`/change resolve CHG-n`"),
                Arguments.of(SlackIds.SATISFY_BUTTON + ":post-hoc-review", "CHG-4|post-hoc-review", EMERGENCY,
                        "`/change satisfy CHG-n &lt;follow-up&gt;`"),
                // A reference of ours that lacks what this button needs is as unreadable.
                Arguments.of(SlackIds.DEPLOYED_BUTTON, "{\"v\":1,\"change\":\"CHG-3\"}", STARTED,
                        "`/change deployed CHG-n &lt;environment&gt;`"),
                Arguments.of(SlackIds.SATISFY_BUTTON + ":post-hoc-review", "{\"v\":1,\"change\":\"CHG-4\"}", EMERGENCY,
                        "`/change satisfy CHG-n &lt;follow-up&gt;`"));
    }

    @ParameterizedTest(name = "{0} with \"{1}\"")
    @MethodSource("olderButtons")
    void olderButtonNamesTheCommand(String actionId, String value, int change, String command) {
        var before = everything();

        var response = app.slack(SlackPayloads.buttonClick(REVIEWER, channelOf(change), messageOf(change), actionId, value),
                SlackPayloads.FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(slack.calls()).as("one private answer, nothing else").extracting(SlackCall::method)
                .containsExactly("chat.postEphemeral");
        var told = slack.calls("chat.postEphemeral").get(0);
        assertThat(told.param("user")).isEqualTo(REVIEWER);
        assertThat(told.param("channel")).isEqualTo(channelOf(change));
        assertThat(told.param("text"))
                .isEqualTo("This button is from an older Changebot message; use " + command + " instead.");
        assertThat(everything()).as("nothing changed").isEqualTo(before);
    }

    static Stream<Arguments> olderForms() {
        return Stream.of(
                Arguments.of(SlackIds.REJECT_MODAL, "CHG-1", SlackIds.REASON,
                        "This form is from an older Changebot; use `/change reject CHG-n <reason>` instead."),
                Arguments.of(SlackIds.OVERRIDE_MODAL, "CHG-2", SlackIds.OVERRIDE_JUSTIFICATION,
                        "This form is from an older Changebot; use `/change start CHG-n` again."),
                Arguments.of(SlackIds.SATISFY_MODAL, "CHG-4|post-hoc-review", SlackIds.ANSWER_PREFIX + "notes",
                        "This form is from an older Changebot; use `/change satisfy CHG-n <follow-up>`."));
    }

    @ParameterizedTest(name = "{0} with \"{1}\"")
    @MethodSource("olderForms")
    void olderFormNamesTheCommand(String callbackId, String metadata, String block, String error) {
        var before = everything();
        var values = new JsonObject();
        var input = new JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue("It must wait: the rollback plan is untested."));
        values.add(block, input);

        var response = app.slack(SlackPayloads.viewSubmission(REVIEWER, callbackId, metadata, values), SlackPayloads.FORM);

        var answer = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").entrySet()).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(block);
            assertThat(e.getValue().getAsString()).isEqualTo(error);
        });
        assertThat(slack.calls()).isEmpty();
        assertThat(everything()).as("nothing changed").isEqualTo(before);
    }

    /** What a click that acted would have changed: the changes, their history and approvals. */
    private static List<Map<String, Object>> everything() {
        var rows = new java.util.ArrayList<>(db.rows("SELECT number, state FROM change_request ORDER BY number"));
        rows.addAll(db.rows("SELECT count(*) AS events FROM change_event"));
        rows.addAll(db.rows("SELECT count(*) AS approvals FROM change_approval"));
        return rows;
    }

    private static List<String> states() {
        return db.rows("SELECT state FROM change_request ORDER BY number").stream().map(r -> r.get("state").toString())
                .toList();
    }

    private static String messageOf(int number) {
        return db.rows("SELECT message_ts FROM change_request WHERE number = ?", number).get(0).get("message_ts").toString();
    }

    private static String channelOf(int number) {
        return CHANNELS.get(number - 1);
    }

    private static void say(String user, String channel, String text) {
        app.slack(SlashCommands.of(user, channel, text), SlackPayloads.FORM);
    }
}
