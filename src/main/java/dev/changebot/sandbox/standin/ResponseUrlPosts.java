package dev.changebot.sandbox.standin;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * What a message sent to a response_url (or a slash command's immediate answer) does, as in Slack:
 * {@code response_type: in_channel} posts in the channel for all, anything else is an ephemeral for
 * the person; {@code replace_original} / {@code delete_original} act on the message the interaction
 * came from (an ephemeral of theirs, or the bot's message).
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class ResponseUrlPosts {

    private final Workspace workspace;
    private final ResponseUrls urls;

    ResponseUrlPosts(Workspace workspace, ResponseUrls urls) {
        this.workspace = workspace;
        this.urls = urls;
    }

    void post(String token, String body) {
        var target = urls.use(token);
        JsonObject json;
        try {
            json = JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException notJson) {
            workspace.recordError("response_url", "invalid_payload", "not a JSON object");
            throw new SlackRefusal("invalid_payload");
        }
        apply(target.user(), target.channel(), target.sourceTs(), target.ephemeral(), json, "response_url");
    }

    /** Applies one response (the ack body of a slash command, or a response_url post). */
    public void apply(String user, String channel, String sourceTs, boolean sourceIsEphemeral, JsonObject json,
                      String method) {
        try {
            var text = json.has("text") && json.get("text").isJsonPrimitive() ? json.get("text").getAsString() : null;
            var blocks = json.has("blocks") && json.get("blocks").isJsonArray() ? json.getAsJsonArray("blocks") : null;
            boolean delete = flag(json, "delete_original");
            boolean replace = flag(json, "replace_original");
            if (sourceTs != null && (delete || replace)) {
                if (!delete) {
                    BlockKitRules.checkMessage(text, blocks);
                }
                if (sourceIsEphemeral) {
                    workspace.replaceEphemeral(user, sourceTs, text, blocks, delete);
                } else if (delete) {
                    workspace.delete(channel, sourceTs);
                } else {
                    workspace.update(channel, sourceTs, text, blocks);
                }
                return;
            }
            BlockKitRules.checkMessage(text, blocks);
            var threadTs = json.has("thread_ts") ? json.get("thread_ts").getAsString() : null;
            if ("in_channel".equals(json.has("response_type") ? json.get("response_type").getAsString() : "")) {
                workspace.post(channel, Workspace.BOT_USER_ID, Workspace.BOT_ID, text, blocks, threadTs);
            } else {
                workspace.postEphemeral(channel, user, text, blocks);
            }
        } catch (SlackRefusal refusal) {
            workspace.recordError(method, refusal.error(), String.join("\n", refusal.messages()));
            throw refusal;
        }
    }


    private static boolean flag(JsonObject json, String name) {
        return json.has(name) && json.get(name).isJsonPrimitive() && json.get(name).getAsBoolean();
    }
}
