package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import dev.changebot.support.SlackPayloads;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** An app on test-conflicts.yaml ("normal" warns, "major" blocks), on 1 December 2026 at 09:00 UTC. */
abstract class OnConflictsPolicy {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";

    final MutableClock clock = new MutableClock(T0);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack,
            Map.of("changebot.policy", "src/test/resources/policies/test-conflicts.yaml"), clock);

    /**
     * Everything queued, Slack's pace kept: posts to one channel go a second apart, so the clock moves on
     * a few seconds between drains (a bounded number of them).
     */
    void deliverAll() {
        deliverAll(15);
    }

    void deliverAll(int rounds) {
        for (int round = 0; round < rounds; round++) {
            clock.advance(java.time.Duration.ofSeconds(2));
            app.deliverOutbox();
        }
    }

    ChangeForms form(Instant start, String service) {
        return ChangeForms.complete(start).forService(service).text(SlackIds.SYSTEMS_AFFECTED, service);
    }

    String submitted(String user, ChangeForms form) {
        return submittedIn(CHANNEL, user, form);
    }

    String submittedIn(String channel, String user, ChangeForms form) {
        return app.slack(SlackPayloads.viewSubmission(user, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(channel).encode(), form.state()), SlackPayloads.FORM).body();
    }

    void submit(String user, ChangeForms form) {
        submitIn(CHANNEL, user, form);
    }

    void submitIn(String channel, String user, ChangeForms form) {
        assertThat(submittedIn(channel, user, form)).as("the form is accepted").doesNotContain("\"errors\"");
    }

    String ts(long number) {
        return (String) db.rows("SELECT message_ts FROM change_request WHERE number = " + number).get(0).get("message_ts");
    }

    /** The texts posted in a message's thread, in order. */
    List<String> threadPosts(String messageTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> messageTs.equals(c.param("thread_ts")))
                .map(c -> c.param("text")).toList();
    }

    @AfterEach
    void stopTheApp() {
        app.close();
        slack.close();
    }
}
