package dev.changebot.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class run on {@link EvidenceScenario#march2026()}: a fresh scenario before each test, closed
 * after it, with its app, Slack, database and clock at hand.
 */
public abstract class OnMarch2026 {

    protected EvidenceScenario scenario;
    protected RunningApp app;
    protected FakeSlackApi slack;
    protected TestDatabase db;
    protected MutableClock clock;

    @BeforeEach
    void march() {
        scenario = EvidenceScenario.march2026();
        app = scenario.app;
        slack = scenario.slack;
        db = scenario.db;
        clock = scenario.clock;
    }

    @AfterEach
    void closeScenario() {
        scenario.close();
    }
}
