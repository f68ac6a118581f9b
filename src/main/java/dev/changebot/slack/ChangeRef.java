package dev.changebot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import java.util.Optional;

/**
 * The typed, versioned payload we put in a button's value or a modal's private metadata. It only
 * names things (which change, which channel): who may act is always decided on the server, from
 * the signed payload's user id.
 */
public record ChangeRef(ChangeId changeId, String channelId) {

    static final int VERSION = 1;

    public static ChangeRef of(ChangeId changeId) {
        return new ChangeRef(changeId, null);
    }

    public static ChangeRef inChannel(String channelId) {
        return new ChangeRef(null, channelId);
    }

    public String encode() {
        var json = new JsonObject();
        json.addProperty("v", VERSION);
        if (changeId != null) {
            json.addProperty("change", changeId.toString());
        }
        if (channelId != null) {
            json.addProperty("channel", channelId);
        }
        return json.toString();
    }

    /** Empty for anything we did not write, including payloads of a future version. */
    public static Optional<ChangeRef> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            var json = JsonParser.parseString(text).getAsJsonObject();
            if (!json.has("v") || json.get("v").getAsInt() != VERSION) {
                return Optional.empty();
            }
            var change = json.has("change") ? ChangeId.parse(json.get("change").getAsString()).orElse(null) : null;
            var channel = json.has("channel") ? json.get("channel").getAsString() : null;
            return Optional.of(new ChangeRef(change, channel));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }
}
