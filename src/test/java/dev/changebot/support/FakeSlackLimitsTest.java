package dev.changebot.support;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fake Slack refuses what real Slack refuses, so tests through it notice an over-limit view or message. */
class FakeSlackLimitsTest {

    final FakeSlackApi slack = FakeSlackApi.start();
    final MethodsClient client = client();

    @AfterEach
    void stop() {
        slack.takeRefusals();
        slack.close();
    }

    @Test
    @DisplayName("an App Home with a section over 3,000 characters is refused with invalid_arguments")
    void longSectionInAHome() throws Exception {
        var response = client.viewsPublish(r -> r.userId("U1").view(home(List.of(
                section(s -> s.text(markdownText("x".repeat(3001))))))));

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("invalid_arguments");
        assertThat(response.getResponseMetadata().getMessages())
                .containsExactly("[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]");
    }

    @Test
    @DisplayName("a home of 101 blocks is refused, one of 100 accepted")
    void blocksPerView() throws Exception {
        List<LayoutBlock> hundred = Collections.nCopies(100, section(s -> s.text(markdownText("x"))));
        var more = new ArrayList<LayoutBlock>(hundred);
        more.add(section(s -> s.text(markdownText("y"))));

        assertThat(client.viewsPublish(r -> r.userId("U1").view(home(hundred))).isOk()).isTrue();
        assertThat(client.viewsPublish(r -> r.userId("U1").view(home(more))).getError()).isEqualTo("invalid_arguments");
    }

    @Test
    @DisplayName("a message of 51 blocks, a 151-character header or a 76-character button is refused with invalid_blocks")
    void messageLimits() throws Exception {
        var blocks = new ArrayList<LayoutBlock>(Collections.nCopies(51, section(s -> s.text(markdownText("x")))));

        assertThat(client.chatPostMessage(r -> r.channel("C1").text("t").blocks(blocks)).getError()).isEqualTo("invalid_blocks");
        assertThat(client.chatPostMessage(r -> r.channel("C1").text("t")
                .blocks(List.of(header(h -> h.text(plainText("h".repeat(151))))))).getError()).isEqualTo("invalid_blocks");
        assertThat(client.chatUpdate(r -> r.channel("C1").ts("1.2").text("t").blocks(List.of(actions(a -> a.elements(List.of(
                button(b -> b.actionId("a").text(plainText("b".repeat(76))).value("v")))))))).getError())
                .isEqualTo("invalid_blocks");
        assertThat(slack.takeRefusals()).hasSize(3);
    }

    @Test
    @DisplayName("a modal title over 24 characters is refused")
    void modalTitle() throws Exception {
        var response = client.viewsOpen(r -> r.triggerId("1.2").view(View.builder().type("modal")
                .title(com.slack.api.model.view.ViewTitle.builder().type("plain_text").text("t".repeat(25)).build())
                .blocks(List.of(section(s -> s.text(markdownText("x"))))).build()));

        assertThat(response.getError()).isEqualTo("invalid_arguments");
    }

    @Test
    @DisplayName("a refusal nobody expected fails the test when the fake closes")
    void unexpectedRefusalFails() throws Exception {
        var other = FakeSlackApi.start();
        var otherClient = Slack.getInstance(config(other)).methods("xoxb-test");
        otherClient.viewsPublish(r -> r.userId("U1").view(home(List.of(section(s -> s.text(markdownText("x".repeat(3001))))))));

        assertThatThrownBy(other::close).isInstanceOf(AssertionError.class).hasMessageContaining("3001 characters");
    }

    @Test
    @DisplayName("an ack over the limits is caught too")
    void ackBodies() {
        assertThat(BlockKitLimits.checkResponse("{\"response_type\":\"ephemeral\",\"text\":\"ok\",\"blocks\":"
                + "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "x".repeat(3001) + "\"}}]}"))
                .containsExactly("[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]");
        assertThat(BlockKitLimits.checkResponse("{\"response_type\":\"ephemeral\",\"text\":\"fine\"}")).isEmpty();
    }

    private static View home(List<LayoutBlock> blocks) {
        return View.builder().type("home").blocks(blocks).build();
    }

    private MethodsClient client() {
        return Slack.getInstance(config(slack)).methods("xoxb-test");
    }

    private static SlackConfig config(FakeSlackApi fake) {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl() + "/api/");
        return config;
    }
}
