package dev.changebot.sandbox.standin;

import com.google.gson.JsonObject;
import dev.changebot.sandbox.SandboxAddress;
import dev.changebot.sandbox.workspace.Message;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;

/** chat.* and reactions.*: the bot's messages and its own reactions. */
final class ChatMethods {

    private final Workspace workspace;
    private final SandboxAddress address;

    ChatMethods(Workspace workspace, SandboxAddress address) {
        this.workspace = workspace;
        this.address = address;
    }

    JsonObject postMessage(Params p) {
        var channel = p.require("channel", "channel_not_found");
        var text = p.get("text");
        var blocks = p.blocks();
        BlockKitRules.checkMessage(text, blocks);
        var posted = workspace.post(channel, Workspace.BOT_USER_ID, Workspace.BOT_ID, text, blocks, p.get("thread_ts"));
        var json = new JsonObject();
        json.addProperty("channel", posted.channel());
        json.addProperty("ts", posted.ts());
        json.add("message", SlackJson.message(posted, 0));
        return json;
    }

    JsonObject update(Params p) {
        var channel = p.require("channel", "channel_not_found");
        var ts = p.require("ts", "message_not_found");
        var text = p.get("text");
        var blocks = p.blocks();
        BlockKitRules.checkMessage(text, blocks);
        var updated = workspace.update(channel, ts, text, blocks);
        var json = new JsonObject();
        json.addProperty("channel", updated.channel());
        json.addProperty("ts", updated.ts());
        json.addProperty("text", updated.text() == null ? "" : updated.text());
        json.add("message", SlackJson.message(updated, 0));
        return json;
    }

    JsonObject postEphemeral(Params p) {
        var channel = p.require("channel", "channel_not_found");
        var user = p.require("user", "user_not_found");
        var text = p.get("text");
        var blocks = p.blocks();
        BlockKitRules.checkMessage(text, blocks);
        var posted = workspace.postEphemeral(channel, user, text, blocks);
        var json = new JsonObject();
        json.addProperty("message_ts", posted.ts());
        return json;
    }

    JsonObject delete(Params p) {
        var channel = workspace.channel(p.require("channel", "channel_not_found"));
        var ts = p.require("ts", "message_not_found");
        if (workspace.message(channel.id(), ts).botId() == null) {
            throw new SlackRefusal("cant_delete_message");
        }
        workspace.delete(channel.id(), ts);
        var json = new JsonObject();
        json.addProperty("channel", channel.id());
        json.addProperty("ts", ts);
        return json;
    }

    /** The link opens the message in the sandbox's page rather than in a Slack that does not exist. */
    JsonObject permalink(Params p) {
        var channel = workspace.channel(p.require("channel", "channel_not_found"));
        var message = workspace.message(channel.id(), p.require("message_ts", "message_not_found"));
        var json = new JsonObject();
        json.addProperty("channel", channel.id());
        json.addProperty("permalink", address.pageUrl() + "#" + channel.id() + "/" + message.ts());
        return json;
    }

    JsonObject react(Params p, boolean add) {
        var channel = p.require("channel", "channel_not_found");
        var ts = p.require("timestamp", "no_item_specified");
        var name = p.require("name", "invalid_name");
        workspace.react(channel, ts, name, Workspace.BOT_USER_ID, add);
        return new JsonObject();
    }

    JsonObject reactions(Params p) {
        var channel = workspace.channel(p.require("channel", "channel_not_found"));
        Message message = workspace.message(channel.id(), p.require("timestamp", "no_item_specified"));
        var json = new JsonObject();
        json.addProperty("type", "message");
        json.addProperty("channel", channel.id());
        // reactions.get describes the message more briefly than conversations.history does (the SDK's
        // ReactionsGetResponse.Message): no thread or edit fields, and its permalink.
        var brief = SlackJson.message(message, 0);
        brief.remove("thread_ts");
        brief.remove("reply_count");
        brief.remove("edited");
        brief.addProperty("permalink", address.pageUrl() + "#" + channel.id() + "/" + message.ts());
        json.add("message", brief);
        return json;
    }
}
