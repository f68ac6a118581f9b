package dev.changebot.support;

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
}
