package dev.changebot.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.util.JsonPayloadExtractor;
import dev.changebot.support.SlackPayloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our answer about a form's payload field must never differ from Bolt's extractor where we give one. */
class BoltPayloadFieldTest {

    private static final String CLICK = SlackPayloads.buttonClick("U0REVIEW", "C0DEPLOYS", "1700000000.000100",
            "change_approve", "v1:CHG-7");
    private static final String PAYLOAD = "payload=" + URLEncoder.encode("{\"type\":\"block_actions\"}",
            StandardCharsets.UTF_8);

    private final JsonPayloadExtractor bolt = new JsonPayloadExtractor();

    @Test
    @DisplayName("what Slack sends takes the short way: a click's payload is Bolt's, a slash command has none")
    void slackShapedBodies() {
        assertThat(BoltPayloadField.sameAsFormFields(CLICK)).isTrue();
        assertThat(BoltPayloadField.absent(SlackPayloads.slashCommand("U0REVIEW", "C0DEPLOYS", "show CHG-7"))).isTrue();
        assertThat(BoltPayloadField.absent(CLICK)).isFalse();
    }

    static Stream<String> bodies() {
        return Stream.of(CLICK, PAYLOAD, "a=b&" + PAYLOAD, PAYLOAD + "&a=b",
                " payload=%7B%7D&payload=%5B%5D", "payload=%7B%7D&%20payload=%5B%5D", "payl%6Fad=%7B%7D",
                "payload=%7B%7D=", "payload==%7B%7D", "payload", "payload=", "=payload", "\npayload=%7B%7D",
                "payload=%7B+%7D", "command=%2Fchange&text=payload%3Dx", "token=x&payload%0A=%7B%7D",
                " {\"a\":1}", "[x=1&payload=%7B%7D", "   ", "a=b", "payload=%7B%7D&payload%3D=x");
    }

    /** Asked only of bodies FormFields reads: the shape check has refused the rest before. */
    @ParameterizedTest
    @MethodSource("bodies")
    @DisplayName("where it says Bolt reads the same payload, or none, Bolt's extractor agrees")
    void agreesWithBolt(String body) {
        if (BoltPayloadField.sameAsFormFields(body)) {
            assertThat(bolt.extractIfExists(body)).isEqualTo(FormFields.parse(body).get("payload"));
        }
        if (BoltPayloadField.absent(body)) {
            assertThat(bolt.extractIfExists(body)).isNull();
        }
    }

    @Test
    @DisplayName("a second field that Bolt reads as the payload (a padded name) sends the request Bolt's way")
    void boltWouldReadAnotherField() {
        var body = " payload=%7B%7D&payload=%5B%5D";

        assertThat(bolt.extractIfExists(body)).isEqualTo("{}");
        assertThat(FormFields.parse(body).get("payload")).isEqualTo("[]");
        assertThat(BoltPayloadField.sameAsFormFields(body)).isFalse();
        assertThat(BoltPayloadField.absent(body)).isFalse();
    }
}
