package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.sandbox.workspace.Group;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;

/** auth.test, users.info, usergroups.*, conversations.open / info: who is who in the sandbox. */
final class DirectoryMethods {

    private final Workspace workspace;

    DirectoryMethods(Workspace workspace) {
        this.workspace = workspace;
    }

    JsonObject authTest() {
        var json = new JsonObject();
        json.addProperty("url", "https://" + Workspace.TEAM_DOMAIN + ".slack.com/");
        json.addProperty("team", Workspace.TEAM_NAME);
        json.addProperty("user", Workspace.BOT_NAME);
        json.addProperty("team_id", Workspace.TEAM_ID);
        json.addProperty("user_id", Workspace.BOT_USER_ID);
        json.addProperty("bot_id", Workspace.BOT_ID);
        json.addProperty("is_enterprise_install", false);
        return json;
    }

    JsonObject userInfo(Params p) {
        var id = p.require("user", "user_not_found");
        var json = new JsonObject();
        json.add("user", Workspace.BOT_USER_ID.equals(id) ? SlackJson.botUser() : SlackJson.user(workspace.person(id)));
        return json;
    }

    JsonObject userGroups(Params p) {
        boolean withUsers = p.flag("include_users");
        boolean withCount = p.flag("include_count");
        var list = new JsonArray();
        for (var group : workspace.groups()) {
            list.add(group(group, withUsers, withCount));
        }
        var json = new JsonObject();
        json.add("usergroups", list);
        return json;
    }

    JsonObject userGroupMembers(Params p) {
        var id = p.require("usergroup", "no_such_subteam");
        var group = workspace.groups().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new SlackRefusal("no_such_subteam"));
        var users = new JsonArray();
        group.users().forEach(users::add);
        var json = new JsonObject();
        json.add("users", users);
        return json;
    }

    /** The DM between the bot and one person (Slack's conversations.open with a single user). */
    JsonObject openConversation(Params p) {
        var users = p.get("users");
        if (users == null) {
            throw new SlackRefusal(p.get("channel") != null ? "method_not_supported_for_channel_type" : "users_list_not_supplied");
        }
        var ids = users.split(",");
        if (ids.length != 1) {
            // Group DMs (mpims) are not part of the sandbox: the bot never opens one.
            throw new SlackRefusal("not_enough_users", java.util.List.of("[ERROR] the sandbox opens DMs with one person"));
        }
        var channel = workspace.channel(workspace.person(ids[0].strip()).id());
        var json = new JsonObject();
        var conversation = new JsonObject();
        conversation.addProperty("id", channel.id());
        if (p.flag("return_im")) {
            conversation.addProperty("is_im", true);
            conversation.addProperty("user", channel.user());
            conversation.addProperty("created", 1_733_000_000L);
        }
        json.add("channel", conversation);
        return json;
    }

    JsonObject conversationInfo(Params p) {
        var channel = workspace.channel(p.require("channel", "channel_not_found"));
        var conversation = new JsonObject();
        conversation.addProperty("id", channel.id());
        conversation.addProperty("created", 1_733_000_000L);
        conversation.addProperty("is_im", channel.isIm());
        if (channel.isIm()) {
            conversation.addProperty("user", channel.user());
        } else {
            conversation.addProperty("name", channel.name());
            conversation.addProperty("is_channel", true);
            conversation.addProperty("is_member", true);
        }
        var json = new JsonObject();
        json.add("channel", conversation);
        return json;
    }

    private static JsonObject group(Group group, boolean withUsers, boolean withCount) {
        var json = new JsonObject();
        json.addProperty("id", group.id());
        json.addProperty("team_id", Workspace.TEAM_ID);
        json.addProperty("is_usergroup", true);
        json.addProperty("is_subteam", true);
        json.addProperty("name", group.name());
        json.addProperty("description", "");
        json.addProperty("handle", group.handle());
        json.addProperty("is_external", false);
        json.addProperty("date_create", 1_733_000_000L);
        json.addProperty("date_update", 1_733_000_000L);
        json.addProperty("date_delete", 0);
        json.addProperty("created_by", Workspace.BOT_USER_ID);
        json.addProperty("updated_by", Workspace.BOT_USER_ID);
        var prefs = new JsonObject();
        prefs.add("channels", new JsonArray());
        prefs.add("groups", new JsonArray());
        json.add("prefs", prefs);
        if (withUsers) {
            var users = new JsonArray();
            group.users().forEach(users::add);
            json.add("users", users);
        }
        if (withUsers || withCount) {
            json.addProperty("user_count", group.users().size());
        }
        return json;
    }
}
