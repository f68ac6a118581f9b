package dev.changebot.sandbox.render;

import static dev.changebot.sandbox.render.BlocksTest.json;
import static dev.changebot.sandbox.render.BlocksTest.nodes;
import static dev.changebot.sandbox.render.Readers.london;
import static dev.changebot.sandbox.render.Readers.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input elements a modal can hold, with their initial values, as the page needs them. */
class InputElementsTest {

    private static Map<String, Object> element(String elementJson) {
        return Elements.render(json(elementJson), "b", london());
    }

    private static List<String> selected(Map<String, Object> element) {
        return nodes(element.get("options")).stream().filter(o -> Boolean.TRUE.equals(o.get("selected")))
                .map(o -> (String) o.get("value")).toList();
    }

    @Test
    void singleAndMultilinePlainTextInputs() {
        assertThat(element("""
                {"type":"plain_text_input","action_id":"a","initial_value":"x < y","placeholder":{"type":"plain_text","text":"Say"}}"""))
                .containsEntry("multiline", false).containsEntry("initial_value", "x < y").containsEntry("placeholder", "Say");
        assertThat(element("{\"type\":\"plain_text_input\",\"action_id\":\"a\",\"multiline\":true,\"max_length\":3000}"))
                .containsEntry("multiline", true).containsEntry("max_length", 3000.0);
    }

    @Test
    void numberInput() {
        assertThat(element("{\"type\":\"number_input\",\"action_id\":\"n\",\"is_decimal_allowed\":false,\"min_value\":\"1\"}"))
                .containsEntry("type", "number_input").containsEntry("is_decimal_allowed", false).containsEntry("min_value", "1");
    }

    @Test
    void staticSelectWithOptionGroups() {
        Map<String, Object> select = element("""
                {"type":"static_select","action_id":"s","option_groups":[
                  {"label":{"type":"plain_text","text":"Low"},"options":[{"text":{"type":"plain_text","text":"Standard"},"value":"standard"}]},
                  {"label":{"type":"plain_text","text":"High"},"options":[{"text":{"type":"plain_text","text":"Major"},"value":"major"}]}],
                 "initial_option":{"text":{"type":"plain_text","text":"Major"},"value":"major"}}""");
        assertThat(nodes(select.get("options"))).extracting(o -> o.get("group") + "/" + o.get("label"))
                .containsExactly("Low/Standard", "High/Major");
        assertThat(selected(select)).containsExactly("major");
    }

    @Test
    void multiStaticSelectWithInitialOptions() {
        Map<String, Object> select = element("""
                {"type":"multi_static_select","action_id":"m","max_selected_items":2,"options":[
                  {"text":{"type":"plain_text","text":"api"},"value":"api"},
                  {"text":{"type":"plain_text","text":"db"},"value":"db"},
                  {"text":{"type":"plain_text","text":"web"},"value":"web"}],
                 "initial_options":[{"text":{"type":"plain_text","text":"db"},"value":"db"},{"text":{"type":"plain_text","text":"web"},"value":"web"}]}""");
        assertThat(selected(select)).containsExactly("db", "web");
        assertThat(select).containsEntry("max_selected_items", 2.0);
    }

    @Test
    void radioButtonsWithMrkdwnOptionsAndDescriptions() {
        Map<String, Object> radios = element("""
                {"type":"radio_buttons","action_id":"r","options":[
                  {"text":{"type":"mrkdwn","text":"*Yes*"},"value":"yes","description":{"type":"plain_text","text":"go"}},
                  {"text":{"type":"mrkdwn","text":"_No_"},"value":"no"}],
                 "initial_option":{"text":{"type":"mrkdwn","text":"_No_"},"value":"no"}}""");
        Map<String, Object> yes = nodes(radios.get("options")).get(0);
        assertThat(read(nodes(yes.get("text")))).isEqualTo("Yes");
        assertThat(nodes(yes.get("text")).get(0)).containsEntry("type", "bold");
        assertThat(read(nodes(yes.get("description")))).isEqualTo("go");
        assertThat(selected(radios)).containsExactly("no");
    }

    @Test
    void checkboxes() {
        Map<String, Object> boxes = element("""
                {"type":"checkboxes","action_id":"c","options":[
                  {"text":{"type":"plain_text","text":"Tested"},"value":"tested"},
                  {"text":{"type":"plain_text","text":"Rollback ready"},"value":"rollback"}],
                 "initial_options":[{"text":{"type":"plain_text","text":"Tested"},"value":"tested"}]}""");
        assertThat(selected(boxes)).containsExactly("tested");
    }

    @Test
    void dateTimeAndDateTimePickers() {
        assertThat(element("{\"type\":\"datepicker\",\"action_id\":\"d\",\"initial_date\":\"2026-12-24\"}"))
                .containsEntry("initial_date", "2026-12-24");
        assertThat(element("{\"type\":\"timepicker\",\"action_id\":\"t\",\"initial_time\":\"09:30\"}"))
                .containsEntry("initial_time", "09:30");
        // 2026-07-01T12:00:00Z is 13:00 in London (summer time): the reader's zone, as Slack shows it.
        assertThat(element("{\"type\":\"datetimepicker\",\"action_id\":\"dt\",\"initial_date_time\":1782907200}"))
                .containsEntry("initial_date", "2026-07-01").containsEntry("initial_time", "13:00")
                .containsEntry("initial_date_time", 1782907200L);
    }

    @Test
    void usersSelectsOfferThePeopleOfTheWorkspace() {
        Map<String, Object> one = element("{\"type\":\"users_select\",\"action_id\":\"u\",\"initial_user\":\"U0BOB\"}");
        assertThat(nodes(one.get("options"))).extracting(o -> o.get("value") + " " + o.get("label"))
                .containsExactly("U0ALICE @alice", "U0BOB @bob");
        assertThat(selected(one)).containsExactly("U0BOB");
        Map<String, Object> many = element(
                "{\"type\":\"multi_users_select\",\"action_id\":\"u\",\"initial_users\":[\"U0ALICE\",\"U0GONE\"]}");
        assertThat(selected(many)).containsExactly("U0ALICE", "U0GONE");
    }

    @Test
    void overflowAndUnknownElements() {
        assertThat(element("""
                {"type":"overflow","action_id":"o","options":[{"text":{"type":"plain_text","text":"Show"},"value":"show"}]}"""))
                .containsEntry("type", "overflow");
        assertThat(element("{\"type\":\"rich_text_input\",\"action_id\":\"x\"}"))
                .isEqualTo(Map.of("type", "unsupported", "element_type", "rich_text_input"));
    }
}
