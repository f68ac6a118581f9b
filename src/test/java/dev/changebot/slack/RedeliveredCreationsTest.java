package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.application.delivery.PruneOutbox;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slack may deliver one request more than once: the same `/change emergency` or `/change freeze
 * start` (one trigger id), the same new-change form (one view id and hash). Each creates one thing
 * and one post, and every delivery is answered as the first was, whether they come one after the
 * other, all at once, or after the app restarted.
 */
class RedeliveredCreationsTest {

    static final String CHANNEL = "C0DEPLOYS";
    /** Its own channel: Slack takes one post a second per channel, and the posts are counted right away. */
    static final String INCIDENTS = "C0INCIDENT";
    static final String MANAGER = "U0EM";
    static final String IC = "U0IC";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T14:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void start() {
        app = startApp();
        slack.userGroup("eng-managers", MANAGER);
        slack.userGroup("incident-commanders", IC);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("/change emergency delivered four times: one emergency, one announcement, four identical answers")
    void emergencyOnce() {
        var answers = fourTimes(emergency());

        assertThat(answers).containsOnly(answers.get(0));
        assertThat(text(answers.get(0))).startsWith("Declared CHG-1.");
        assertThat(db.count("change_request")).isEqualTo(1);
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'EmergencyDeclared'")).hasSize(1);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    @DisplayName("/change freeze start and /change freeze end, each delivered four times: one freeze, lifted once, same answers")
    void freezeOnce() {
        var declared = fourTimes(freeze());
        var lifted = fourTimes(command(MANAGER, "freeze end"));

        assertThat(declared).containsOnly(declared.get(0));
        assertThat(text(declared.get(0))).startsWith("Freeze declared: Launch day");
        assertThat(db.count("declared_freeze")).isEqualTo(1);
        assertThat(lifted).containsOnly(lifted.get(0));
        assertThat(text(lifted.get(0))).isEqualTo("Lifted 1 declared freeze.");
    }

    @Test
    @DisplayName("the new-change form submitted four times: one change, one channel post, the form closed each time")
    void newChangeOnce() {
        var answers = fourTimes(newChangeForm());

        assertThat(answers).containsOnly("");
        assertThat(db.count("change_request")).isEqualTo(1);
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeRequested'")).hasSize(1);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    @Timeout(60)
    @DisplayName("each creation delivered four times at once, on four threads: still one of each")
    void fourAtOnce() throws Exception {
        var emergency = emergency();
        var freeze = freeze();
        var form = newChangeForm();

        var answers = allAtOnce(List.of(emergency, emergency, emergency, emergency, freeze, freeze, freeze, freeze,
                form, form, form, form));

        assertThat(answers.subList(0, 4)).containsOnly(answers.get(0));
        assertThat(answers.subList(4, 8)).containsOnly(answers.get(4));
        assertThat(answers.subList(8, 12)).containsOnly("");
        assertThat(text(answers.get(0))).startsWith("Declared CHG-");
        assertThat(text(answers.get(4))).startsWith("Freeze declared");
        assertThat(db.rows("SELECT type FROM change_event WHERE type IN ('EmergencyDeclared', 'ChangeRequested')"))
                .extracting(r -> r.get("type")).containsExactlyInAnyOrder("EmergencyDeclared", "ChangeRequested");
        assertThat(db.count("declared_freeze")).isEqualTo(1);
        app.deliverOutbox();
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    @Timeout(90)
    @DisplayName("the same emergency reaching two instances at once, twice each: one emergency, one answer")
    void twoInstancesAtOnce() throws Exception {
        var emergency = emergency();
        try (var other = startApp()) {
            var go = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(4);
            try {
                var futures = new ArrayList<Future<HttpResponse<String>>>();
                for (var instance : List.of(app, other, app, other)) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return instance.slackUndelivered(emergency, SlackPayloads.FORM, Instant.now());
                    }));
                }
                go.countDown();
                var answers = new ArrayList<String>();
                for (var f : futures) {
                    answers.add(f.get(30, TimeUnit.SECONDS).body());
                }
                assertThat(answers).containsOnly(answers.get(0));
                assertThat(text(answers.get(0))).startsWith("Declared CHG-1.");
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(db.count("change_request")).isEqualTo(1);
        app.deliverOutbox();
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    @DisplayName("delivered again after the app restarted on the same database: nothing new, the same answers")
    void afterARestart() {
        var emergency = emergency();
        var freeze = freeze();
        var form = newChangeForm();
        var first = List.of(deliver(emergency), deliver(freeze), deliver(form));

        app.close();
        app = startApp();

        assertThat(List.of(deliver(emergency), deliver(freeze), deliver(form))).isEqualTo(first);
        assertThat(db.count("change_request")).isEqualTo(2);
        assertThat(db.count("declared_freeze")).isEqualTo(1);
        assertThat(slack.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    @DisplayName("a form sent back with errors is not remembered: corrected in the same modal, it creates the change")
    void correctedFormCreates() {
        var incomplete = SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), form().without(SlackIds.TITLE).state());

        assertThat(fourTimes(incomplete)).allSatisfy(answer -> assertThat(answer).contains("errors", "title"));
        assertThat(db.count("slack_delivery")).as("nothing remembered of a form sent back").isZero();
        assertThat(deliver(SlackPayloads.resubmitted(incomplete, form().state()))).isEmpty();
        assertThat(db.count("change_request")).isEqualTo(1);
    }

    @Test
    @DisplayName("the keys of requests are kept a day, then forgotten by the hourly pruning")
    void keysForgottenAfterADay() {
        deliver(newChangeForm());
        clock.advance(Duration.ofHours(23));
        deliver(command(MANAGER, "freeze start Launch day"));
        assertThat(db.count("slack_delivery")).isEqualTo(2);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        app.bean(PruneOutbox.class).run();

        assertThat(db.rows("SELECT kind FROM slack_delivery")).extracting(r -> r.get("kind")).containsExactly("command");
    }

    private RunningApp startApp() {
        return RunningApp.start(db, slack, Map.of("changebot.policy", "preset:pol-012"), clock);
    }

    private static String emergency() {
        return SlashCommands.of(IC, INCIDENTS, "emergency Fail over the primary database");
    }

    /** Over before the new change's proposed start, so the form is not refused for it. */
    private static String freeze() {
        return command(MANAGER, "freeze start Launch day until 2026-03-10T14:30:00Z");
    }

    private static String command(String user, String text) {
        return SlashCommands.of(user, CHANNEL, text);
    }

    private static String newChangeForm() {
        return SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                form().state());
    }

    private static ChangeForms form() {
        return ChangeForms.complete(Instant.parse("2026-03-10T15:00:00Z")).inClass("standard");
    }

    private String deliver(String body) {
        HttpResponse<String> response = app.slack(body, SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private List<String> fourTimes(String body) {
        var answers = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            answers.add(deliver(body));
        }
        return answers;
    }

    /** Each body on its own thread, released together; the answers in the same order. */
    private List<String> allAtOnce(List<String> bodies) throws Exception {
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(bodies.size());
        try {
            var futures = new ArrayList<Future<HttpResponse<String>>>();
            for (var body : bodies) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return app.slackUndelivered(body, SlackPayloads.FORM, Instant.now());
                }));
            }
            go.countDown();
            var answers = new ArrayList<String>();
            for (var f : futures) {
                var response = f.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                answers.add(response.body());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String text(String answer) {
        return JsonParser.parseString(answer).getAsJsonObject().get("text").getAsString();
    }
}
