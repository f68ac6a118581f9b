package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.sandbox.workspace.Message;
import dev.changebot.sandbox.workspace.OpenView;
import dev.changebot.sandbox.workspace.Person;
import dev.changebot.sandbox.workspace.Workspace;

/**
 * The stand-in's objects in Slack's JSON shapes (checked against the SDK's model classes by
 * StandInShapesTest): a message, a view, a user, as the Web API answers them and as interaction
 * payloads carry them.
 */
public final class SlackJson {

    private SlackJson() {
    }

    static JsonObject message(Message message, int replyCount) {
        var json = new JsonObject();
        json.addProperty("type", "message");
        if (message.botId() != null) {
            json.addProperty("subtype", "bot_message");
            json.addProperty("bot_id", message.botId());
            json.addProperty("app_id", Workspace.APP_ID);
        }
        json.addProperty("user", message.user());
        json.addProperty("text", message.text() == null ? "" : message.text());
        if (message.blocks() != null) {
            json.add("blocks", message.blocks().deepCopy());
        }
        json.addProperty("ts", message.ts());
        json.addProperty("team", Workspace.TEAM_ID);
        if (message.threadTs() != null) {
            json.addProperty("thread_ts", message.threadTs());
        }
        if (replyCount > 0) {
            json.addProperty("reply_count", replyCount);
        }
        if (message.edited()) {
            var edited = new JsonObject();
            edited.addProperty("user", message.user());
            edited.addProperty("ts", message.ts());
            json.add("edited", edited);
        }
        if (!message.reactions().isEmpty()) {
            json.add("reactions", reactions(message));
        }
        return json;
    }

    /** A message's reactions as Slack lists them (name, users, count): the stand-in's answers and the page's state. */
    public static JsonArray reactions(Message message) {
        var reactions = new JsonArray();
        message.reactions().forEach((name, users) -> {
            var reaction = new JsonObject();
            reaction.addProperty("name", name);
            var list = new JsonArray();
            users.forEach(list::add);
            reaction.add("users", list);
            reaction.addProperty("count", users.size());
            reactions.add(reaction);
        });
        return reactions;
    }

    /** A view as Slack holds it: what the bot sent plus Slack's bookkeeping and the state typed so far. */
    static JsonObject view(OpenView open) {
        var json = open.view().deepCopy();
        json.addProperty("id", open.id());
        json.addProperty("team_id", Workspace.TEAM_ID);
        json.addProperty("type", open.type());
        if (!json.has("blocks")) {
            json.add("blocks", new JsonArray());
        }
        for (var name : new String[]{"private_metadata", "callback_id", "external_id"}) {
            if (!json.has(name)) {
                json.addProperty(name, "");
            }
        }
        var state = new JsonObject();
        state.add("values", open.values().deepCopy());
        json.add("state", state);
        json.addProperty("hash", open.hash());
        if (!json.has("clear_on_close")) {
            json.addProperty("clear_on_close", false);
        }
        if (!json.has("notify_on_close")) {
            json.addProperty("notify_on_close", false);
        }
        json.addProperty("root_view_id", open.rootViewId());
        if (open.previousViewId() != null) {
            json.addProperty("previous_view_id", open.previousViewId());
        }
        json.addProperty("app_id", Workspace.APP_ID);
        json.addProperty("app_installed_team_id", Workspace.TEAM_ID);
        json.addProperty("bot_id", Workspace.BOT_ID);
        return json;
    }

    static JsonObject user(Person person) {
        var json = new JsonObject();
        json.addProperty("id", person.id());
        json.addProperty("team_id", Workspace.TEAM_ID);
        json.addProperty("name", person.name());
        json.addProperty("deleted", false);
        json.addProperty("real_name", person.realName());
        json.addProperty("tz", person.tz());
        var zone = java.time.ZoneId.of(person.tz());
        var offset = zone.getRules().getOffset(java.time.Instant.now());
        json.addProperty("tz_label", zone.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        json.addProperty("tz_offset", offset.getTotalSeconds());
        var profile = new JsonObject();
        profile.addProperty("title", person.title() == null ? "" : person.title());
        profile.addProperty("real_name", person.realName());
        profile.addProperty("real_name_normalized", person.realName());
        profile.addProperty("display_name", person.name());
        profile.addProperty("display_name_normalized", person.name());
        profile.addProperty("team", Workspace.TEAM_ID);
        json.add("profile", profile);
        json.addProperty("is_admin", false);
        json.addProperty("is_owner", false);
        json.addProperty("is_primary_owner", false);
        json.addProperty("is_restricted", false);
        json.addProperty("is_ultra_restricted", false);
        json.addProperty("is_bot", false);
        json.addProperty("is_app_user", false);
        json.addProperty("updated", 1_733_000_000L);
        return json;
    }

    /** The bot's own user, as users.info describes a bot. */
    static JsonObject botUser() {
        var json = user(new Person(Workspace.BOT_USER_ID, Workspace.BOT_NAME, "Changebot", "", "UTC"));
        json.addProperty("is_bot", true);
        json.getAsJsonObject("profile").addProperty("bot_id", Workspace.BOT_ID);
        return json;
    }

    /** The short user object interaction payloads carry. */
    static JsonObject payloadUser(Person person) {
        var json = new JsonObject();
        json.addProperty("id", person.id());
        json.addProperty("username", person.name());
        json.addProperty("name", person.name());
        json.addProperty("team_id", Workspace.TEAM_ID);
        return json;
    }

    static JsonObject team() {
        var json = new JsonObject();
        json.addProperty("id", Workspace.TEAM_ID);
        json.addProperty("domain", Workspace.TEAM_DOMAIN);
        return json;
    }
}
