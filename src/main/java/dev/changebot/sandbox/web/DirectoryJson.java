package dev.changebot.sandbox.web;

import com.google.gson.JsonObject;
import dev.changebot.sandbox.workspace.Group;
import dev.changebot.sandbox.workspace.Person;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PUT /sandbox/api/people's body: people and groups in the shapes GET /sandbox/api/state gives them. */
final class DirectoryJson {

    static final int MAX_PEOPLE = 50;

    private DirectoryJson() {
    }

    static Directory parse(JsonObject body) {
        if (!body.has("people") || !body.get("people").isJsonArray()) {
            throw new IllegalArgumentException("people: a list of {id, name, real_name, title, tz}");
        }
        var people = new ArrayList<Person>();
        for (var element : body.getAsJsonArray("people")) {
            var p = element.getAsJsonObject();
            var tz = string(p, "tz", "UTC");
            try {
                ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + tz + "' is not a time zone (use an Area/City name such as Europe/London)");
            }
            var name = string(p, "name", "");
            people.add(new Person(string(p, "id", ""), name, string(p, "real_name", name), string(p, "title", ""), tz));
        }
        if (people.isEmpty() || people.size() > MAX_PEOPLE) {
            throw new IllegalArgumentException("Between 1 and " + MAX_PEOPLE + " people");
        }
        var groups = new ArrayList<Group>();
        if (body.has("groups") && body.get("groups").isJsonArray()) {
            for (var element : body.getAsJsonArray("groups")) {
                var g = element.getAsJsonObject();
                var handle = string(g, "handle", "");
                var users = new ArrayList<String>();
                if (g.has("users") && g.get("users").isJsonArray()) {
                    g.getAsJsonArray("users").forEach(u -> users.add(u.getAsString()));
                }
                var id = string(g, "id", "S0" + handle.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""));
                groups.add(new Group(id, handle, string(g, "name", handle), users));
            }
        }
        return new Directory(people, groups);
    }

    private static String string(JsonObject json, String name, String otherwise) {
        return json.has(name) && json.get(name).isJsonPrimitive() ? json.get(name).getAsString() : otherwise;
    }

    record Directory(List<Person> people, List<Group> groups) {
    }
}
