package dev.changebot.sandbox.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.sandbox.SandboxAddress;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * files.uploadV2's three steps as Slack runs them: files.getUploadURLExternal hands out an upload
 * URL, the bytes are POSTed there, files.completeUploadExternal shares the file in a channel (a
 * message linking to its download here). Files are kept in memory, at most {@value #MAX_FILES}.
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class UploadedFiles {

    static final int MAX_FILES = 50;

    private final Workspace workspace;
    private final SandboxAddress address;
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    UploadedFiles(Workspace workspace, SandboxAddress address) {
        this.workspace = workspace;
        this.address = address;
    }

    JsonObject uploadUrl(Params p) {
        var name = p.require("filename", "invalid_arguments");
        long length = Long.parseLong(p.require("length", "invalid_arguments"));
        if (length < 1) {
            throw new SlackRefusal("invalid_arguments", List.of("[ERROR] length must be positive"));
        }
        if (files.size() >= MAX_FILES) {
            throw new SlackRefusal("storage_limit_reached");
        }
        var id = "F0SBX" + ids.incrementAndGet();
        files.put(id, new StoredFile(id, name, name, null));
        var json = new JsonObject();
        json.addProperty("upload_url", address.loopbackUrl() + "/sandbox/slack/upload/" + id);
        json.addProperty("file_id", id);
        return json;
    }

    /** The upload step: the bytes for a file id handed out; false when there is no such id. */
    public boolean upload(String id, byte[] content) {
        return files.computeIfPresent(id, (key, file) -> new StoredFile(id, file.name(), file.title(), content)) != null;
    }

    public byte[] content(String id) {
        var file = files.get(id);
        return file == null ? null : file.content();
    }

    JsonObject complete(Params p) {
        var list = JsonParser.parseString(p.require("files", "invalid_arguments")).getAsJsonArray();
        var answered = new JsonArray();
        var links = new StringBuilder();
        for (var element : list) {
            var entry = element.getAsJsonObject();
            var id = entry.get("id").getAsString();
            var file = files.get(id);
            if (file == null || file.content() == null) {
                throw new SlackRefusal("file_not_found");
            }
            var title = entry.has("title") ? entry.get("title").getAsString() : file.name();
            files.put(id, new StoredFile(id, file.name(), title, file.content()));
            answered.add(json(files.get(id)));
            links.append("\n<").append(address.loopbackUrl()).append("/sandbox/slack/files/").append(id).append('|')
                    .append(title).append('>');
        }
        var channel = p.get("channel_id");
        if (channel != null) {
            var comment = p.get("initial_comment");
            workspace.post(channel, Workspace.BOT_USER_ID, Workspace.BOT_ID,
                    (comment == null ? "" : comment) + links, null, p.get("thread_ts"));
        }
        var json = new JsonObject();
        json.add("files", answered);
        return json;
    }

    JsonObject info(Params p) {
        var file = files.get(p.require("file", "file_not_found"));
        if (file == null) {
            throw new SlackRefusal("file_not_found");
        }
        var json = new JsonObject();
        json.add("file", json(file));
        return json;
    }

    private JsonObject json(StoredFile file) {
        var json = new JsonObject();
        json.addProperty("id", file.id());
        json.addProperty("name", file.name());
        json.addProperty("title", file.title());
        json.addProperty("mimetype", "application/octet-stream");
        json.addProperty("filetype", "binary");
        json.addProperty("size", file.content() == null ? 0 : file.content().length);
        json.addProperty("user", Workspace.BOT_USER_ID);
        json.addProperty("url_private", address.loopbackUrl() + "/sandbox/slack/files/" + file.id());
        json.addProperty("url_private_download", address.loopbackUrl() + "/sandbox/slack/files/" + file.id());
        json.addProperty("permalink", address.loopbackUrl() + "/sandbox/slack/files/" + file.id());
        return json;
    }

    private record StoredFile(String id, String name, String title, byte[] content) {
    }
}
