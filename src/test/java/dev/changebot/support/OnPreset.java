package dev.changebot.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class on the running app under one of the reference presets, a fresh database and a fake
 * Slack per test, the clock starting at {@code start}: what the end-to-end tests of a seed's clauses share.
 */
public abstract class OnPreset {

    protected final MutableClock clock;
    protected final FakeSlackApi slack = FakeSlackApi.start();
    protected final TestDatabase db = TestPostgres.freshDatabase();
    protected RunningApp app;
    private final String preset;

    protected OnPreset(String preset, Instant start) {
        this.preset = preset;
        this.clock = new MutableClock(start);
    }

    @BeforeEach
    void startOnPreset() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:" + preset), clock);
    }

    @AfterEach
    void stopOnPreset() {
        app.close();
        slack.close();
    }

    /** {@code /change <text>} from {@code user} in {@code channel}, signed, then the outbox drained: the answer. */
    protected String say(String user, String channel, String text) {
        var body = app.slack(SlashCommandsAccess.of(user, channel, text), SlackPayloads.FORM).body();
        app.deliverOutbox();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    /** The new-change form as {@code form} fills it, sent by {@code user} from {@code channel}; the outbox drained. */
    protected void submitNewChange(String user, String channel, ChangeForms form) {
        var response = app.slack(SlackPayloads.viewSubmission(user, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(channel).encode(), form.state()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
        app.deliverOutbox();
    }
}
