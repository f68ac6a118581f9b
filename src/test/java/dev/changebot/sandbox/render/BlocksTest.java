package dev.changebot.sandbox.render;

import static dev.changebot.sandbox.render.Readers.london;
import static dev.changebot.sandbox.render.Readers.read;
import static dev.changebot.sandbox.render.Readers.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every layout block the bot sends, from JSON shaped as Block Kit's reference shows it. */
class BlocksTest {

    static Object json(String json) {
        return new Gson().fromJson(json, Object.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> only(String blocksJson) {
        List<Map<String, Object>> blocks = Blocks.render(json(blocksJson), london());
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void headerIsPlainTextWithEmoji() {
        Map<String, Object> header = only("""
                [{"type":"header","block_id":"h","text":{"type":"plain_text","text":":rocket: CHG-7 *Deploy* & go","emoji":true}}]""");
        assertThat(header).containsEntry("type", "header").containsEntry("block_id", "h");
        assertThat(read(nodes(header.get("text")))).isEqualTo("\uD83D\uDE80 CHG-7 *Deploy* & go");
    }

    @Test
    void sectionWithTextFieldsAndButtonAccessory() {
        Map<String, Object> section = only("""
                [{"type":"section","block_id":"s1",
                  "text":{"type":"mrkdwn","text":"*Requested by* <@U0ALICE>"},
                  "fields":[{"type":"mrkdwn","text":"*Risk*\\nhigh"},{"type":"plain_text","text":"a & b"}],
                  "accessory":{"type":"button","action_id":"open","text":{"type":"plain_text","text":"Open"},"value":"CHG-7"}}]""");
        assertThat(read(nodes(section.get("text")))).isEqualTo("Requested by @alice");
        List<Object> fields = (List<Object>) section.get("fields");
        assertThat(fields).hasSize(2);
        assertThat(read(nodes(fields.get(0)))).isEqualTo("Risk\nhigh");
        assertThat(read(nodes(fields.get(1)))).isEqualTo("a & b");
        assertThat(map(section.get("accessory"))).containsEntry("type", "button").containsEntry("action_id", "open")
                .containsEntry("block_id", "s1").containsEntry("value", "CHG-7");
    }

    @Test
    void contextHoldsTextAndImages() {
        Map<String, Object> context = only("""
                [{"type":"context","elements":[
                  {"type":"mrkdwn","text":"_updated_"},
                  {"type":"image","image_url":"https://example.com/a.png","alt_text":"logo"},
                  {"type":"image","image_url":"javascript:alert(1)","alt_text":"bad"}]}]""");
        List<Map<String, Object>> elements = nodes(context.get("elements"));
        assertThat(read(nodes(elements.get(0).get("children")))).isEqualTo("updated");
        assertThat(elements.get(1)).containsEntry("type", "image").containsEntry("url", "https://example.com/a.png")
                .containsEntry("alt", "logo");
        assertThat(elements.get(2)).containsEntry("alt", "bad").doesNotContainKey("url");
    }

    @Test
    void divider() {
        assertThat(only("[{\"type\":\"divider\"}]")).isEqualTo(Map.of("type", "divider"));
    }

    @Test
    void actionsWithStyledButtonsAndAConfirmDialog() {
        Map<String, Object> actions = only("""
                [{"type":"actions","block_id":"change:CHG-7","elements":[
                  {"type":"button","action_id":"approve","style":"primary","value":"v1",
                   "text":{"type":"plain_text","text":"Approve"}},
                  {"type":"button","action_id":"reject","style":"danger","value":"v1",
                   "text":{"type":"plain_text","text":"Reject"},
                   "confirm":{"title":{"type":"plain_text","text":"Reject CHG-7?"},
                              "text":{"type":"mrkdwn","text":"This *cannot* be undone"},
                              "confirm":{"type":"plain_text","text":"Reject"},
                              "deny":{"type":"plain_text","text":"Keep"},"style":"danger"}}]}]""");
        List<Map<String, Object>> buttons = nodes(actions.get("elements"));
        assertThat(buttons.get(0)).containsEntry("style", "primary").containsEntry("block_id", "change:CHG-7")
                .doesNotContainKey("confirm");
        Map<String, Object> confirm = map(buttons.get(1).get("confirm"));
        assertThat(confirm).containsEntry("title", "Reject CHG-7?").containsEntry("confirm", "Reject")
                .containsEntry("deny", "Keep").containsEntry("style", "danger");
        assertThat(read(nodes(confirm.get("text")))).isEqualTo("This cannot be undone");
    }

    @Test
    void staticSelectInAnActionsBlock() {
        Map<String, Object> actions = only("""
                [{"type":"actions","elements":[{"type":"static_select","action_id":"pick",
                  "placeholder":{"type":"plain_text","text":"Choose"},
                  "options":[{"text":{"type":"plain_text","text":"One"},"value":"1"},
                             {"text":{"type":"plain_text","text":"Two"},"value":"2"}],
                  "initial_option":{"text":{"type":"plain_text","text":"Two"},"value":"2"}}]}]""");
        Map<String, Object> select = nodes(actions.get("elements")).get(0);
        assertThat(select).containsEntry("type", "static_select").containsEntry("placeholder", "Choose");
        assertThat(nodes(select.get("options"))).extracting(o -> o.get("value") + "=" + o.get("selected"))
                .containsExactly("1=false", "2=true");
    }

    @Test
    void imageBlock() {
        assertThat(only("""
                [{"type":"image","image_url":"https://example.com/chart.png","alt_text":"chart",
                  "title":{"type":"plain_text","text":"Deploys"}}]"""))
                .containsEntry("type", "image").containsEntry("url", "https://example.com/chart.png")
                .containsEntry("alt", "chart").containsEntry("title", "Deploys");
    }

    @Test
    void inputBlockWithLabelHintAndOptional() {
        Map<String, Object> input = only("""
                [{"type":"input","block_id":"title","optional":true,
                  "label":{"type":"plain_text","text":"Title"},
                  "hint":{"type":"plain_text","text":"One line"},
                  "element":{"type":"plain_text_input","action_id":"value","max_length":150}}]""");
        assertThat(input).containsEntry("optional", true);
        assertThat(read(nodes(input.get("label")))).isEqualTo("Title");
        assertThat(read(nodes(input.get("hint")))).isEqualTo("One line");
        assertThat(map(input.get("element"))).containsEntry("type", "plain_text_input")
                .containsEntry("block_id", "title").containsEntry("action_id", "value").containsEntry("multiline", false);
    }

    @Test
    void anUnknownBlockIsShownAsUnsupported() {
        assertThat(only("[{\"type\":\"video\",\"block_id\":\"v\"}]"))
                .isEqualTo(Map.of("type", "unsupported", "block_id", "v", "block_type", "video"));
    }

    @Test
    void aMessageWithoutBlocksShowsItsTextAsMrkdwn() {
        Map<String, Object> message = Surfaces.message("Hello *there*", List.of(), london());
        Map<String, Object> section = nodes(message.get("blocks")).get(0);
        assertThat(section.get("text")).isEqualTo(List.of(text("Hello "),
                Map.of("type", "bold", "children", List.of(text("there")))));
    }

    @Test
    void aModalKeepsTitleSubmitCloseAndBlocks() {
        Map<String, Object> modal = Surfaces.view(json("""
                {"type":"modal","callback_id":"new_change","title":{"type":"plain_text","text":"New change"},
                 "submit":{"type":"plain_text","text":"Submit"},"close":{"type":"plain_text","text":"Cancel"},
                 "blocks":[{"type":"divider"}]}"""), london());
        assertThat(modal).containsEntry("type", "modal").containsEntry("title", "New change")
                .containsEntry("submit", "Submit").containsEntry("close", "Cancel")
                .containsEntry("callback_id", "new_change").containsEntry("blocks", List.of(Map.of("type", "divider")));
    }

    @Test
    void theAppHome() {
        Map<String, Object> home = Surfaces.view(json("""
                {"type":"home","blocks":[{"type":"header","text":{"type":"plain_text","text":"Changes"}}]}"""), london());
        assertThat(home).containsEntry("type", "home");
        assertThat(nodes(home.get("blocks"))).hasSize(1);
    }
}
