package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.inbound.Replies;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form submitted while the database is away stays open with "try again" on the block its
 * errors belong to: the reason, the justification, the follow-up's first answer, the title.
 */
@Timeout(60)
class FormOutageTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String REVIEWER = "U0REVIEW";

    static FakeSlackApi slack;
    static TestDatabase db;
    static RunningApp app;

    @BeforeAll
    static void aChangeThenTheDatabaseGoes() {
        slack = FakeSlackApi.start();
        db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack);
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
        TestPostgres.setReachable(db, false);
    }

    @AfterAll
    static void stop() {
        TestPostgres.setReachable(db, true);
        app.close();
        slack.close();
    }

    static Stream<Arguments> forms() {
        var change = new ChangeId(1);
        return Stream.of(
                Arguments.of(SlackIds.REJECT_MODAL, ChangeRef.of(change).encode(), answer(SlackIds.REASON), SlackIds.REASON),
                Arguments.of(SlackIds.OVERRIDE_MODAL, ChangeRef.of(change).encode(),
                        answer(SlackIds.OVERRIDE_JUSTIFICATION), SlackIds.OVERRIDE_JUSTIFICATION),
                Arguments.of(SlackIds.SATISFY_MODAL, ChangeRef.obligation(change, "retrospective").encode(),
                        answer(SlackIds.ANSWER_PREFIX + "what_changed"), SlackIds.ANSWER_PREFIX + "what_changed"),
                Arguments.of(SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                        ChangeForms.complete(Instant.now().plus(Duration.ofDays(2))).state(), SlackIds.TITLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void tryAgainOnItsBlock(String callbackId, String metadata, JsonObject values, String block) {
        var response = app.slackUndelivered(SlackPayloads.viewSubmission(REVIEWER, callbackId, metadata, values),
                SlackPayloads.FORM, Instant.now());

        assertThat(response.statusCode()).isEqualTo(200);
        var answer = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").entrySet()).singleElement().satisfies(error -> {
            assertThat(error.getKey()).isEqualTo(block);
            assertThat(error.getValue().getAsString()).isEqualTo(Replies.TRY_AGAIN);
        });
    }

    private static JsonObject answer(String block) {
        var values = new JsonObject();
        var input = new JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue("The rollback plan was never tried; try it in staging first."));
        values.add(block, input);
        return values;
    }
}
