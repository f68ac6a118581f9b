package dev.changebot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.config.InvalidPolicyException;
import dev.changebot.domain.policy.Policy;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.util.HashMap;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CHANGEBOT_POLICY at start-up: a preset by name, or a refusal to start that lists every problem. */
class PolicyAtStartupTest {

    @Test
    @DisplayName("the server refuses to start on a broken policy, and says why in one message")
    void brokenPolicyStopsStartup() {
        var properties = new HashMap<String, Object>(TestPostgres.freshDatabase().properties());
        properties.put("changebot.policy", "src/test/resources/policies/broken/freezes.yaml");

        assertThatThrownBy(() -> RunningApp.startWith(properties).close())
                .satisfies(e -> {
                    Throwable cause = e;
                    while (cause != null && !(cause instanceof InvalidPolicyException)) {
                        cause = cause.getCause();
                    }
                    Assertions.assertThat(cause).isNotNull();
                    assertThat(cause.getMessage()).contains("Changebot will not start", "4 problems",
                            "freezes.yaml:10:3: freeze 'freezes.nothing' must have exactly one source",
                            "freezes.yaml:17:26: no public holidays are known for 'XX'")
                            .doesNotContain("\tat ");
                });
    }

    @Test
    @DisplayName("CHANGEBOT_POLICY=preset:NAME selects a shipped preset")
    void presetByName() {
        var properties = new HashMap<String, Object>(TestPostgres.freshDatabase().properties());
        properties.put("changebot.policy", "preset:pol-012");

        try (var app = RunningApp.startWith(properties)) {
            assertThat(app.bean(Policy.class).id()).isEqualTo("pol-012");
        }
    }
}
