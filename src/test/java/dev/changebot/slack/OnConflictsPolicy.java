package dev.changebot.slack;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
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

    @AfterEach
    void stopTheApp() {
        app.close();
        slack.close();
    }
}
