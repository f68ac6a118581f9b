package dev.changebot.sandbox.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.events.payload.AppHomeOpenedPayload;
import com.slack.api.app_backend.events.payload.ReactionAddedPayload;
import com.slack.api.app_backend.events.payload.ReactionRemovedPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.views.payload.ViewClosedPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.view.Views;
import com.slack.api.util.json.GsonFactory;
import dev.changebot.sandbox.workspace.Channel;
import dev.changebot.sandbox.workspace.Message;
import dev.changebot.sandbox.workspace.OpenView;
import dev.changebot.sandbox.workspace.Person;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the stand-in sends the bot, read by the Slack SDK's own payload classes set to fail on any
 * property they do not know: the shapes are Slack's, field for field.
 */
class PayloadShapesTest {

    static final Person ALICE = new Person("U0ALICE", "alice", "Alice Ng", "Requester", "Europe/London");
    static final Channel CHANGES = new Channel("C0CHANGES", "changes", false, null, null);

    private final Gson strict = strictGson();

    @Test
    @DisplayName("a slash command's form: every field Bolt reads")
    void slashCommand() {
        var payload = new SlashCommandPayloadParser().parse(
                Payloads.slashCommand(ALICE, CHANGES, "/change", "new &lt;x&gt;", "http://127.0.0.1:1/r", "1.2.3"));

        assertThat(List.of(payload.getCommand(), payload.getText(), payload.getUserId(), payload.getChannelId(),
                payload.getTeamId(), payload.getTriggerId(), payload.getResponseUrl(), payload.getApiAppId()))
                .containsExactly("/change", "new &lt;x&gt;", "U0ALICE", "C0CHANGES", "T0SANDBOX", "1.2.3", "http://127.0.0.1:1/r",
                        "A0CHANGEBOT");
    }

    @Test
    @DisplayName("block_actions on a message: container, channel, message with its blocks, the action")
    void blockActionsOnAMessage() {
        var message = Message.posted("C0CHANGES", "1733133600.000100", "U0CHANGEBOT", "B0CHANGEBOT", "CHG-1",
                strict.toJsonTree(List.of(Blocks.actions(a -> a.blockId("change_actions").elements(List.of(BlockElements.button(
                        b -> b.actionId("change_approve").text(BlockCompositions.plainText("Approve")).value("{\"v\":1}"))))))).getAsJsonArray(),
                null);
        var container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", message.ts());
        container.addProperty("channel_id", "C0CHANGES");
        container.addProperty("is_ephemeral", false);
        var action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("block_id", "change_actions");
        action.addProperty("action_id", "change_approve");
        action.add("text", strict.toJsonTree(BlockCompositions.plainText("Approve")));
        action.addProperty("value", "{\"v\":1}");
        action.addProperty("action_ts", "1733133601.000200");

        var body = Payloads.blockActions(ALICE, container, CHANGES, SlackJson.message(message, 0), null, action,
                new JsonObject(), "1.2.3", "http://127.0.0.1:1/r");
        var payload = strict.fromJson(form(body), BlockActionPayload.class);

        assertThat(payload.getActions()).singleElement().satisfies(a -> {
            assertThat(a.getActionId()).isEqualTo("change_approve");
            assertThat(a.getValue()).isEqualTo("{\"v\":1}");
        });
        assertThat(payload.getContainer().getMessageTs()).isEqualTo(message.ts());
        assertThat(payload.getChannel().getId()).isEqualTo("C0CHANGES");
        assertThat(payload.getMessage().getBlocks()).hasSize(1);
        assertThat(payload.getUser().getId()).isEqualTo("U0ALICE");
        assertThat(payload.getTriggerId()).isEqualTo("1.2.3");
    }

    @Test
    @DisplayName("view_submission and view_closed: the view with its state, ids and hash; block_actions in a modal")
    void views() {
        var sent = strict.toJsonTree(Views.view(v -> v.type("modal").callbackId("change_new").privateMetadata("{\"v\":1}")
                .title(Views.viewTitle(t -> t.type("plain_text").text("New change")))
                .submit(Views.viewSubmit(t -> t.type("plain_text").text("Request")))
                .notifyOnClose(true)
                .blocks(List.of(Blocks.input(i -> i.blockId("title").label(BlockCompositions.plainText("Title"))
                        .element(BlockElements.plainTextInput(p -> p.actionId("input")))))))).getAsJsonObject();
        var values = com.google.gson.JsonParser.parseString(
                "{\"title\":{\"input\":{\"type\":\"plain_text_input\",\"value\":\"Upgrade\"}}}").getAsJsonObject();
        var open = new OpenView("V0ABC", "modal", "U0ALICE", "1733133600.abc", "V0ABC", null, sent, values, Map.of());

        var submission = strict.fromJson(form(Payloads.viewSubmission(ALICE, SlackJson.view(open), "1.2.3")),
                ViewSubmissionPayload.class);
        assertThat(submission.getView().getCallbackId()).isEqualTo("change_new");
        assertThat(submission.getView().getPrivateMetadata()).isEqualTo("{\"v\":1}");
        assertThat(submission.getView().getHash()).isEqualTo("1733133600.abc");
        assertThat(submission.getView().getState().getValues().get("title").get("input").getValue()).isEqualTo("Upgrade");

        var closed = strict.fromJson(form(Payloads.viewClosed(ALICE, SlackJson.view(open), false)), ViewClosedPayload.class);
        assertThat(closed.getView().getId()).isEqualTo("V0ABC");

        var container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", "V0ABC");
        var action = new JsonObject();
        action.addProperty("type", "static_select");
        action.addProperty("block_id", "class");
        action.addProperty("action_id", "input");
        action.add("selected_option", strict.toJsonTree(BlockCompositions.option(BlockCompositions.plainText("Normal"), "normal")));
        action.addProperty("action_ts", "1733133601.000200");
        var inModal = strict.fromJson(form(Payloads.blockActions(ALICE, container, null, null, SlackJson.view(open), action,
                values, "1.2.4", null)), BlockActionPayload.class);
        assertThat(inModal.getView().getId()).isEqualTo("V0ABC");
        assertThat(inModal.getActions().get(0).getSelectedOption().getValue()).isEqualTo("normal");
    }

    @Test
    @DisplayName("Events API callbacks: reaction_added, reaction_removed and app_home_opened in their envelope")
    void events() {
        var added = strict.fromJson(Payloads.reaction(true, "U0BOB", "white_check_mark", "U0CHANGEBOT", "C0CHANGES",
                "1733133600.000100", "1733133700.000300"), ReactionAddedPayload.class);
        assertThat(added.getEvent().getReaction()).isEqualTo("white_check_mark");
        assertThat(added.getEvent().getItem().getTs()).isEqualTo("1733133600.000100");
        assertThat(added.getEventId()).isNotBlank();
        assertThat(added.getTeamId()).isEqualTo("T0SANDBOX");

        var removed = strict.fromJson(Payloads.reaction(false, "U0BOB", "white_check_mark", "U0CHANGEBOT", "C0CHANGES",
                "1733133600.000100", "1733133700.000400"), ReactionRemovedPayload.class);
        assertThat(removed.getEvent().getUser()).isEqualTo("U0BOB");
        assertThat(removed.getEventId()).isNotEqualTo(added.getEventId());

        var home = strict.fromJson(Payloads.appHomeOpened("U0BOB", "D0BOB", null, "1733133700.000500"),
                AppHomeOpenedPayload.class);
        assertThat(home.getEvent().getTab()).isEqualTo("home");
        assertThat(home.getEvent().getUser()).isEqualTo("U0BOB");
    }

    private static String form(String body) {
        return URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
    }

    private static Gson strictGson() {
        var config = new SlackConfig();
        config.setFailOnUnknownProperties(true);
        return GsonFactory.createSnakeCase(config);
    }
}
