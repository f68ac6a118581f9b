package dev.changebot.sandbox.render;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the renderer needs to know about the reader and the workspace: the reader's time zone and
 * "now" (for dates such as "today"), and the names behind user, group and channel ids.
 *
 * @param users    user id to display name (without the {@code @})
 * @param groups   user group id to handle (without the {@code @})
 * @param channels channel id to name (without the {@code #})
 */
public record RenderContext(ZoneId zone, Instant now, Map<String, String> users, Map<String, String> groups,
        Map<String, String> channels) {

    public RenderContext {
        users = Map.copyOf(users);
        groups = Map.copyOf(groups);
        channels = Map.copyOf(channels);
    }

    String userName(String id) {
        return users.get(id);
    }

    String groupHandle(String id) {
        return groups.get(id);
    }

    String channelName(String id) {
        return channels.get(id);
    }
}
