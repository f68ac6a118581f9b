package dev.changebot.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test class on a fresh {@link GateFixture} per test, with a token "ci" made in Slack by the platform lead. */
abstract class WithCiToken {

    final GateFixture gate = new GateFixture();
    String token;

    @BeforeEach
    void token() {
        token = gate.token("ci");
    }

    @AfterEach
    void closeGate() {
        gate.close();
    }
}
