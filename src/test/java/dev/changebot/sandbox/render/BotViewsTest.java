package dev.changebot.sandbox.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.policyfile.PolicyFiles;
import dev.changebot.policyfile.PolicyLoad;
import dev.changebot.slack.view.NewChangeModal;
import dev.changebot.slack.view.OverrideModal;
import dev.changebot.slack.view.RejectReasonModal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The bot's own modals, serialised as the Slack SDK sends them, are drawn whole: no block or
 * element the page cannot show, and every input keeps the ids a submission must carry back.
 */
class BotViewsTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

    static List<String> presets() {
        return PolicyFiles.PRESETS;
    }

    private static Map<String, Object> render(View view) {
        return Surfaces.view(new Gson().fromJson(SLACK_JSON.toJson(view), Object.class), Readers.london());
    }

    @ParameterizedTest
    @MethodSource("presets")
    void theNewChangeModalOfEveryPreset(String preset) {
        var policy = ((PolicyLoad.Loaded) PolicyFiles.preset(preset)).policy();
        var modal = render(NewChangeModal.render(policy, "C0CHANGES", "Rotate <the> certs", Instant.parse("2026-12-02T10:00:00Z")));
        assertThat(modal).containsEntry("type", "modal").containsKey("submit");
        assertDrawnWhole(modal);
        assertThat(new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(modal)).contains("\"initial_value\":\"Rotate <the> certs\"");
    }

    @Test
    void theRejectAndOverrideModals() {
        assertDrawnWhole(render(RejectReasonModal.render(new ChangeId(7))));
        assertDrawnWhole(render(OverrideModal.render(new ChangeId(7), "The weekend freeze")));
    }

    @SuppressWarnings("unchecked")
    private static void assertDrawnWhole(Object node) {
        if (node instanceof Map<?, ?> map) {
            assertThat(map.get("type")).as(String.valueOf(map)).isNotEqualTo("unsupported");
            if ("input".equals(map.get("type"))) {
                var element = (Map<String, Object>) map.get("element");
                assertThat(element).containsKeys("action_id", "block_id");
            }
            map.values().forEach(BotViewsTest::assertDrawnWhole);
        } else if (node instanceof List<?> list) {
            list.forEach(BotViewsTest::assertDrawnWhole);
        }
    }
}
