package dev.changebot.sandbox.workspace;

import com.google.gson.JsonArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message as the stand-in keeps it: the blocks exactly as the bot sent them (null for a plain
 * text message), and reactions by name with who added them, in order.
 *
 * @param user  who posted it: a person's id, or the bot user for the bot's messages
 * @param botId set for the bot's messages
 */
public record Message(String channel, String ts, String user, String botId, String text, JsonArray blocks,
                      String threadTs, Map<String, List<String>> reactions, boolean edited) {

    public Message {
        var copy = new LinkedHashMap<String, List<String>>();
        reactions.forEach((name, users) -> copy.put(name, List.copyOf(users)));
        reactions = java.util.Collections.unmodifiableMap(copy);
    }

    public static Message posted(String channel, String ts, String user, String botId, String text, JsonArray blocks,
                                 String threadTs) {
        return new Message(channel, ts, user, botId, text, blocks, threadTs, Map.of(), false);
    }

    public boolean isReply() {
        return threadTs != null && !threadTs.equals(ts);
    }

    Message edited(String newText, JsonArray newBlocks) {
        return new Message(channel, ts, user, botId, newText, newBlocks, threadTs, reactions, true);
    }

    Message withReactions(Map<String, List<String>> newReactions) {
        return new Message(channel, ts, user, botId, text, blocks, threadTs, newReactions, edited);
    }
}
