package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Correctly signed but malformed requests: a 4xx (or, for a slash command, a private "could not
 * read that"), never a 5xx, never a Java class name or stack trace in what goes back to Slack or
 * to the fake Slack API, and one log line naming the cause without tokens or response URLs.
 */
@Timeout(60)
class MalformedRequestTest {

    /** What a leaked exception looks like in text. */
    static final List<String> LEAKS = List.of("Exception", "at dev.", "java.", "com.google", "com.slack", "io.micronaut",
            "NullPointer", "Gson", "jackson", "\tat ");
    /** What must never reach the log: credentials Slack sends in requests. */
    static final List<String> SECRETS = List.of("hooks.slack.com", "legacy-verification-token", RunningApp.BOT_TOKEN);

    static FakeSlackApi slack;
    static TestDatabase db;
    static RunningApp app;
    static String messageTs;

    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void aChangeWaitingForApproval() {
        slack = FakeSlackApi.start();
        db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack);
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(MalformedRequests.CHANNEL).encode(),
                ChangeForms.complete(Instant.now().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
        messageTs = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void watchTheLog() {
        slack.clear();
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void stopWatching() {
        root().detachAppender(log);
    }

    static Stream<MalformedRequests.Shape> corpus() {
        // The message ts is only known once the app runs; the shapes are built from the same click.
        return MalformedRequests.corpus(messageTs == null ? "1700000000.000100" : messageTs).stream();
    }

    @Test
    @DisplayName("the corpus has at least twenty shapes")
    void corpusIsLargeEnough() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisplayName("answered with 4xx or a private 'could not read that'; no class name anywhere; logged once")
    void refusedInWords(MalformedRequests.Shape shape) {
        var response = app.slack(shape.body(), shape.contentType());

        assertThat(response.statusCode()).as("status").isLessThan(500);
        assertThat(response.body()).as("body").doesNotContain(LEAKS);
        if (shape.slashCommand()) {
            assertThat(response.statusCode()).isEqualTo(200);
            var answer = JsonParser.parseString(response.body()).getAsJsonObject();
            assertThat(answer.get("response_type").getAsString()).isEqualTo("ephemeral");
            assertThat(answer.get("text").getAsString()).contains("could not read");
        } else {
            assertThat(response.statusCode()).isBetween(400, 499);
        }
        assertThat(slack.calls()).as("nothing told through Slack names a class")
                .allSatisfy(call -> assertThat(call.params().toString()).doesNotContain(LEAKS));
        assertThat(slack.calls()).extracting(SlackCall::method).as("nothing acted upon")
                .doesNotContain("chat.update", "chat.postMessage", "views.open", "views.publish");
        assertThat(db.rows("SELECT state FROM change_request")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("state", "PENDING_APPROVAL"));

        var warnings = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(warnings).as("the cause, logged once").hasSize(1);
        assertThat(log.list).allSatisfy(event -> assertThat(text(event)).as("logged").doesNotContain(SECRETS));
    }

    private static String text(ILoggingEvent event) {
        return event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                : ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
