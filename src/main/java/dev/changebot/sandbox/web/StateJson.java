package dev.changebot.sandbox.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.sandbox.OffsetClock;
import dev.changebot.sandbox.standin.SlackJson;
import dev.changebot.sandbox.workspace.Message;
import dev.changebot.sandbox.workspace.OpenView;
import dev.changebot.sandbox.workspace.Snapshot;
import dev.changebot.sandbox.workspace.Workspace;
import java.time.Clock;

/**
 * GET /sandbox/api/state's answer: one person's view of the workspace in the page's shapes (see
 * the sandbox contract): messages with their blocks as the bot sent them, views with the view as
 * sent, the refusals. Each message and view goes through {@link #message} / {@link #view}, the
 * one place the page's rendering is to be added beside the raw JSON.
 */
final class StateJson {

    private StateJson() {
    }

    static JsonObject of(Snapshot state, Clock clock) {
        var json = new JsonObject();
        json.addProperty("version", state.version());
        var team = new JsonObject();
        team.addProperty("id", Workspace.TEAM_ID);
        team.addProperty("name", Workspace.TEAM_NAME);
        json.add("team", team);
        // Not a person of the directory, but the author of most messages: the page names it from here.
        var bot = new JsonObject();
        bot.addProperty("id", Workspace.BOT_USER_ID);
        bot.addProperty("bot_id", Workspace.BOT_ID);
        bot.addProperty("name", "Changebot");
        json.add("bot", bot);
        var time = new JsonObject();
        time.addProperty("now", state.now().toString());
        time.addProperty("offset_seconds", clock instanceof OffsetClock offset ? offset.offset().toSeconds() : 0);
        json.add("clock", time);
        var people = new JsonArray();
        state.people().forEach(p -> {
            var person = new JsonObject();
            person.addProperty("id", p.id());
            person.addProperty("name", p.name());
            person.addProperty("real_name", p.realName());
            person.addProperty("title", p.title());
            person.addProperty("tz", p.tz());
            people.add(person);
        });
        json.add("people", people);
        var groups = new JsonArray();
        state.groups().forEach(g -> {
            var group = new JsonObject();
            group.addProperty("id", g.id());
            group.addProperty("handle", g.handle());
            group.addProperty("name", g.name());
            var users = new JsonArray();
            g.users().forEach(users::add);
            group.add("users", users);
            groups.add(group);
        });
        json.add("groups", groups);
        var channels = new JsonArray();
        state.channels().forEach(c -> {
            var channel = new JsonObject();
            channel.addProperty("id", c.id());
            channel.addProperty("name", c.name());
            channel.addProperty("is_im", c.isIm());
            if (c.isIm()) {
                channel.addProperty("user", c.user());
            }
            if (c.pinnedNote() != null) {
                channel.addProperty("pinned_note", c.pinnedNote());
            }
            channels.add(channel);
        });
        json.add("channels", channels);
        var messages = new JsonObject();
        state.messages().forEach((channel, list) -> {
            var array = new JsonArray();
            list.forEach(m -> array.add(message(m, state.replyCounts().getOrDefault(channel + "/" + m.ts(), 0))));
            messages.add(channel, array);
        });
        json.add("messages", messages);
        var threads = new JsonObject();
        state.threads().forEach((key, list) -> {
            var array = new JsonArray();
            list.forEach(m -> array.add(message(m, 0)));
            threads.add(key, array);
        });
        json.add("threads", threads);
        var ephemerals = new JsonArray();
        state.ephemerals().forEach(e -> {
            var ephemeral = new JsonObject();
            ephemeral.addProperty("channel", e.message().channel());
            ephemeral.add("message", message(e.message(), 0));
            ephemerals.add(ephemeral);
        });
        json.add("ephemerals", ephemerals);
        var views = new JsonArray();
        state.views().forEach(v -> views.add(view(v)));
        json.add("views", views);
        json.add("home", state.home() == null ? com.google.gson.JsonNull.INSTANCE : view(state.home()));
        var errors = new JsonArray();
        state.errors().forEach(e -> {
            var error = new JsonObject();
            error.addProperty("at", e.at().toString());
            error.addProperty("method", e.method());
            error.addProperty("error", e.error());
            error.addProperty("detail", e.detail());
            errors.add(error);
        });
        json.add("errors", errors);
        return json;
    }

    static JsonObject message(Message m, int replyCount) {
        var json = new JsonObject();
        json.addProperty("channel", m.channel());
        json.addProperty("ts", m.ts());
        json.addProperty("user", m.user());
        if (m.botId() != null) {
            json.addProperty("bot_id", m.botId());
        }
        json.addProperty("text", m.text() == null ? "" : m.text());
        json.add("blocks", m.blocks() == null ? new JsonArray() : m.blocks().deepCopy());
        if (m.threadTs() != null) {
            json.addProperty("thread_ts", m.threadTs());
        }
        json.addProperty("reply_count", replyCount);
        json.add("reactions", SlackJson.reactions(m));
        if (m.edited()) {
            json.addProperty("edited", true);
        }
        return json;
    }

    static JsonObject view(OpenView v) {
        var json = new JsonObject();
        json.addProperty("id", v.id());
        json.addProperty("type", v.type());
        json.add("view", v.view().deepCopy());
        // What was typed so far (Slack's state.values shape), so a reloaded page shows it again.
        json.add("values", v.values().deepCopy());
        if (!v.errors().isEmpty()) {
            var errors = new JsonObject();
            v.errors().forEach(errors::addProperty);
            json.add("errors", errors);
        }
        return json;
    }
}
