package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.sandbox.SandboxAddress;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.Message;
import dev.changebot.sandbox.workspace.Person;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;

/**
 * A click on an interactive element (a button, a select, a date picker...) in a message, an
 * ephemeral, a modal or the App Home, sent to the bot as Slack's block_actions payload: the element
 * as it is in the blocks, where it sits (container, channel, message or view), a fresh trigger_id
 * and, for messages, a response_url.
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class Interactions {

    private final Workspace workspace;
    private final BotDoor bot;
    private final ResponseUrls responseUrls;
    private final SandboxAddress address;
    private final Clock wallClock = Clock.systemUTC();

    Interactions(Workspace workspace, BotDoor bot, ResponseUrls responseUrls, SandboxAddress address) {
        this.workspace = workspace;
        this.bot = bot;
        this.responseUrls = responseUrls;
        this.address = address;
    }

    /**
     * @param click the page's request: as, channel + message_ts (+ ephemeral) or view_id, block_id,
     *              action_id, type and the element's value fields as Slack names them
     */
    public Outcome click(JsonObject click) {
        try {
            var person = workspace.person(string(click, "as"));
            var viewId = string(click, "view_id");
            return viewId != null ? inView(person, viewId, click) : inMessage(person, click);
        } catch (SlackRefusal refusal) {
            return Outcome.failed(refusal.error());
        }
    }

    private Outcome inMessage(Person person, JsonObject click) {
        var channel = workspace.channel(require(click, "channel"));
        if (channel.isIm() && !channel.user().equals(person.id())) {
            throw new SlackRefusal("channel_not_found");
        }
        var ts = require(click, "message_ts");
        boolean ephemeral = click.has("ephemeral") && click.get("ephemeral").getAsBoolean();
        Message message;
        if (ephemeral) {
            var own = workspace.ephemeral(person.id(), ts);
            if (own == null) {
                throw new SlackRefusal("message_not_found");
            }
            message = own.message();
        } else {
            message = workspace.message(channel.id(), ts);
        }
        var action = action(message.blocks(), click);
        var container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", ts);
        container.addProperty("channel_id", channel.id());
        container.addProperty("is_ephemeral", ephemeral);
        // Slack leaves the message out of an ephemeral's payload: the app sent it and never sees it again.
        var messageJson = ephemeral ? null : SlackJson.message(message, 0);
        var token = responseUrls.issue(person.id(), channel.id(), ts, ephemeral);
        var body = Payloads.blockActions(person, container, channel, messageJson, null, action, new JsonObject(),
                workspace.issueTrigger(person.id()), address.loopbackUrl() + "/sandbox/slack/respond/" + token);
        return answered(bot.send("block_actions", body, BotDoor.FORM));
    }

    private Outcome inView(Person person, String viewId, JsonObject click) {
        var view = workspace.view(viewId);
        if (!view.user().equals(person.id())) {
            throw new SlackRefusal("not_found");
        }
        if (click.has("values") && click.get("values").isJsonObject()) {
            view = workspace.keepValues(viewId, click.getAsJsonObject("values"));
        }
        var blocks = view.view().has("blocks") ? view.view().getAsJsonArray("blocks") : new JsonArray();
        var action = action(blocks, click);
        var container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", viewId);
        var body = Payloads.blockActions(person, container, null, null, SlackJson.view(view), action,
                view.values().deepCopy(), workspace.issueTrigger(person.id()), null);
        return answered(bot.send("block_actions", body, BotDoor.FORM));
    }

    /** The action as Slack describes it: the element's own fields, and what the person chose. */
    private JsonObject action(JsonArray blocks, JsonObject click) {
        var actionId = require(click, "action_id");
        var blockId = string(click, "block_id");
        var found = Elements.find(blocks, blockId, actionId);
        if (found == null) {
            throw new SlackRefusal("invalid_action", java.util.List.of("[ERROR] no element " + actionId + " there"));
        }
        var element = found.element();
        var action = new JsonObject();
        var type = element.get("type").getAsString();
        action.addProperty("type", type);
        action.addProperty("block_id", found.blockId());
        action.addProperty("action_id", actionId);
        for (var copied : new String[]{"text", "value", "style", "url"}) {
            if (element.has(copied)) {
                action.add(copied, element.get(copied).deepCopy());
            }
        }
        for (var chosen : new String[]{"selected_option", "selected_options", "selected_date", "selected_time",
                "selected_date_time", "selected_user", "selected_users", "selected_channel", "selected_conversation",
                "value"}) {
            if (click.has(chosen) && !click.get(chosen).isJsonNull()) {
                action.add(chosen, click.get(chosen).deepCopy());
            }
        }
        action.addProperty("action_ts", String.format(Locale.ROOT, "%d.%06d", wallClock.millis() / 1000,
                (wallClock.millis() % 1000) * 1000));
        return action;
    }

    private static Outcome answered(BotDoor.Answer answer) {
        return answer.ok() ? Outcome.done() : Outcome.failed(answer.status() == 0 ? "dispatch_failed"
                : "http_" + answer.status() + ": " + answer.body());
    }

    static String string(JsonObject json, String name) {
        return json.has(name) && json.get(name).isJsonPrimitive() ? json.get(name).getAsString() : null;
    }

    static String require(JsonObject json, String name) {
        var value = string(json, name);
        if (value == null || value.isBlank()) {
            throw new SlackRefusal("invalid_arguments", java.util.List.of("[ERROR] missing " + name));
        }
        return value;
    }

}
