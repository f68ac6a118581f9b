package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.sandbox.SandboxAddress;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Web API methods the stand-in answers, by name, each as Slack documents it: the same
 * arguments, the same answer fields, the same error codes and size limits. Anything else is
 * {@code unknown_method}, as from Slack.
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class WebApi {

    private final Workspace workspace;
    private final Map<String, Function<Params, JsonObject>> methods;

    WebApi(Workspace workspace, SandboxAddress address, UploadedFiles files) {
        this.workspace = workspace;
        var chat = new ChatMethods(workspace, address);
        var views = new ViewMethods(workspace);
        var directory = new DirectoryMethods(workspace);
        this.methods = Map.ofEntries(
                Map.entry("api.test", p -> new JsonObject()),
                Map.entry("auth.test", p -> directory.authTest()),
                Map.entry("chat.postMessage", chat::postMessage),
                Map.entry("chat.update", chat::update),
                Map.entry("chat.postEphemeral", chat::postEphemeral),
                Map.entry("chat.delete", chat::delete),
                Map.entry("chat.getPermalink", chat::permalink),
                Map.entry("reactions.add", p -> chat.react(p, true)),
                Map.entry("reactions.remove", p -> chat.react(p, false)),
                Map.entry("reactions.get", chat::reactions),
                Map.entry("views.open", views::open),
                Map.entry("views.push", views::push),
                Map.entry("views.update", views::update),
                Map.entry("views.publish", views::publish),
                Map.entry("users.info", directory::userInfo),
                Map.entry("usergroups.list", directory::userGroups),
                Map.entry("usergroups.users.list", directory::userGroupMembers),
                Map.entry("conversations.open", directory::openConversation),
                Map.entry("conversations.info", directory::conversationInfo),
                Map.entry("files.getUploadURLExternal", files::uploadUrl),
                Map.entry("files.completeUploadExternal", files::complete),
                Map.entry("files.info", files::info));
    }

    /** Slack's answer to one call: {@code ok: true} and the method's fields, or {@code ok: false} and why. */
    public JsonObject call(String method, Params params) {
        var handler = methods.get(method);
        try {
            if (handler == null) {
                throw new SlackRefusal("unknown_method");
            }
            var answer = handler.apply(params);
            var ok = new JsonObject();
            ok.addProperty("ok", true);
            answer.entrySet().forEach(e -> ok.add(e.getKey(), e.getValue()));
            return ok;
        } catch (SlackRefusal refusal) {
            workspace.recordError(method, refusal.error(), String.join("\n", refusal.messages()));
            return refused(refusal);
        }
    }

    static JsonObject refused(SlackRefusal refusal) {
        var json = new JsonObject();
        json.addProperty("ok", false);
        json.addProperty("error", refusal.error());
        if (!refusal.messages().isEmpty()) {
            var metadata = new JsonObject();
            var messages = new JsonArray();
            refusal.messages().forEach(messages::add);
            metadata.add("messages", messages);
            json.add("response_metadata", metadata);
        }
        return json;
    }

}
