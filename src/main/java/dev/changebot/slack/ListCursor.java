package dev.changebot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * The value of a list's Next page button: the last change number the person saw and the page that
 * follows. The next page is read by keyset from that number, so it starts where the person left off
 * even when changes before it closed meanwhile, and costs the same however far into the list it is.
 */
public record ListCursor(long afterNumber, int page) {

    static final int VERSION = 1;

    public String encode() {
        var json = new JsonObject();
        json.addProperty("v", VERSION);
        json.addProperty("after", afterNumber);
        json.addProperty("page", page);
        return json.toString();
    }

    /** Empty for anything we did not write (or wrote in another version). */
    public static Optional<ListCursor> decode(String value) {
        try {
            var json = JsonParser.parseString(value).getAsJsonObject();
            if (json.get("v").getAsInt() != VERSION) {
                return Optional.empty();
            }
            long after = json.get("after").getAsLong();
            int page = json.get("page").getAsInt();
            return after >= 0 && page >= 2 ? Optional.of(new ListCursor(after, page)) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
