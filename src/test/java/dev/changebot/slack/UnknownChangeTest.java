package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.inbound.Replies;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An id this workspace does not have gets the same "no such change" from every command, button and form. */
@Timeout(60)
class UnknownChangeTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String USER = "U0REVIEW";
    static final String UNKNOWN = "CHG-999999";
    static final String NO_SUCH_CHANGE = Replies.notFound(UNKNOWN);

    static FakeSlackApi slack;
    static RunningApp app;

    @BeforeAll
    static void start() {
        slack = FakeSlackApi.start();
        TestDatabase db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack);
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

    @ParameterizedTest(name = "/change {0}")
    @ValueSource(strings = {"show", "approve", "reject # because", "cancel", "start", "deployed # production", "done",
            "rolledback", "failed", "resolve", "satisfy # post-hoc-review"})
    void commands(String command) {
        var text = command.contains("#") ? command.replace("#", UNKNOWN) : command + " " + UNKNOWN;

        var response = app.slack(SlashCommands.of(USER, CHANNEL, text), SlackPayloads.FORM);

        assertThat(JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString())
                .isEqualTo(NO_SUCH_CHANGE);
    }

    static Stream<List<String>> buttons() {
        var id = ChangeId.parse(UNKNOWN).orElseThrow();
        var ref = ChangeRef.of(id).encode();
        return Stream.of(List.of(SlackIds.APPROVE_BUTTON, ref), List.of(SlackIds.START_BUTTON, ref),
                List.of(SlackIds.DEPLOYED_BUTTON, ChangeRef.deployment(id, "production", OptionalInt.empty()).encode()),
                List.of(SlackIds.DONE_BUTTON, ref), List.of(SlackIds.ROLLED_BACK_BUTTON, ref),
                List.of(SlackIds.FAILED_BUTTON, ref), List.of(SlackIds.RESOLVE_BUTTON, ref),
                List.of(SlackIds.SATISFY_BUTTON + ":review", ChangeRef.obligation(id, "review").encode()),
                List.of(SlackIds.REJECT_BUTTON, ref));
    }

    @ParameterizedTest(name = "{0} on a message")
    @MethodSource("buttons")
    void buttonsOnAMessage(List<String> button) {
        app.slack(SlackPayloads.buttonClick(USER, CHANNEL, "1700000000.000100", button.get(0), button.get(1)),
                SlackPayloads.FORM);

        assertThat(told()).containsExactly(NO_SUCH_CHANGE);
        assertThat(slack.calls("views.open")).isEmpty();
    }

    @ParameterizedTest(name = "{0} on the App Home")
    @MethodSource("buttons")
    void buttonsOnTheHome(List<String> button) {
        app.slack(SlackPayloads.buttonClickOnHome(USER, button.get(0), button.get(1)), SlackPayloads.FORM);

        if (button.get(0).equals(SlackIds.REJECT_BUTTON)) {
            // The reason form opens; its submission is refused (below), as the command would be.
            assertThat(slack.calls("views.open")).hasSize(1);
        } else {
            assertThat(told()).containsExactly(NO_SUCH_CHANGE);
        }
    }

    static Stream<List<String>> forms() {
        var id = ChangeId.parse(UNKNOWN).orElseThrow();
        var ref = ChangeRef.of(id).encode();
        return Stream.of(List.of(SlackIds.REJECT_MODAL, ref, SlackIds.REASON),
                List.of(SlackIds.OVERRIDE_MODAL, ref, SlackIds.OVERRIDE_JUSTIFICATION),
                List.of(SlackIds.SATISFY_MODAL, ChangeRef.obligation(id, "review").encode(), SlackIds.ANSWER_PREFIX + "notes"));
    }

    @ParameterizedTest(name = "{0} submitted")
    @MethodSource("forms")
    void forms(List<String> form) {
        var values = new JsonObject();
        var input = new JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue("Because it must."));
        values.add(form.get(2), input);

        var response = app.slack(SlackPayloads.viewSubmission(USER, form.get(0), form.get(1), values), SlackPayloads.FORM);

        var answer = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").entrySet()).singleElement()
                .satisfies(error -> assertThat(error.getValue().getAsString()).isEqualTo(NO_SUCH_CHANGE));
    }

    /** What the clicker was told privately: an ephemeral in a channel, a DM from the Home. */
    private static List<String> told() {
        return slack.calls().stream().filter(c -> c.method().equals("chat.postEphemeral") || c.method().equals("chat.postMessage"))
                .map(SlackCall::params).map(p -> p.get("text")).toList();
    }
}
