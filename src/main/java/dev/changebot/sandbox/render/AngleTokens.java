package dev.changebot.sandbox.render;

import java.util.List;
import java.util.Map;

/**
 * What sits between {@code <} and {@code >} in mrkdwn: a user ({@code @U…}), a channel ({@code #C…}),
 * a special command ({@code !subteam^S…}, {@code !here}, {@code !channel}, {@code !everyone},
 * {@code !date^…}) or a link ({@code url|label}). Ids are shown as the names the workspace knows,
 * else the label the sender gave, else the id, the way Slack falls back.
 */
final class AngleTokens {

    private AngleTokens() {
    }

    static Map<String, Object> node(String inside, RenderContext context) {
        int bar = inside.indexOf('|');
        String target = bar < 0 ? inside : inside.substring(0, bar);
        String label = bar < 0 ? null : Entities.decode(inside.substring(bar + 1));
        if (target.startsWith("@")) {
            String id = target.substring(1);
            String name = firstOf(context.userName(id), label, id);
            return Node.of("user").put("id", id).put("text", "@" + name).toMap();
        }
        if (target.startsWith("#")) {
            String id = target.substring(1);
            String name = firstOf(context.channelName(id), label, id);
            return Node.of("channel").put("id", id).put("text", "#" + name).toMap();
        }
        if (target.startsWith("!")) {
            return command(target.substring(1), label, context);
        }
        return link(target, bar < 0 ? null : inside.substring(bar + 1), context);
    }

    private static Map<String, Object> command(String command, String label, RenderContext context) {
        if (command.startsWith("subteam^")) {
            String id = command.substring("subteam^".length());
            String fromLabel = label != null && label.startsWith("@") ? label.substring(1) : label;
            String handle = firstOf(context.groupHandle(id), fromLabel, id);
            return Node.of("group").put("id", id).put("text", "@" + handle).toMap();
        }
        if (command.startsWith("date^")) {
            return date(command, label, context);
        }
        if (command.equals("here") || command.equals("channel") || command.equals("everyone")) {
            return Node.of("broadcast").put("name", command).put("text", "@" + command).toMap();
        }
        return Node.text(label != null ? label : "<" + command + ">");
    }

    /** {@code date^epoch^format} or {@code date^epoch^format^link}, with the fallback after the bar. */
    private static Map<String, Object> date(String command, String fallback, RenderContext context) {
        String[] parts = command.split("\\^", 4);
        String formatted = parts.length >= 3 ? SlackDates.format(parts[1], Entities.decode(parts[2]), context) : null;
        String shown = formatted != null ? formatted : (fallback != null ? fallback : "");
        String url = parts.length == 4 ? SafeUrl.orNull(Entities.decode(parts[3])) : null;
        return Node.of("date").put("text", shown).put("url", url).put("fallback", fallback).toMap();
    }

    private static Map<String, Object> link(String target, String rawLabel, RenderContext context) {
        String url = Entities.decode(target);
        List<Map<String, Object>> label = rawLabel == null || rawLabel.isEmpty()
                ? List.of(Node.text(url))
                : InlineScanner.scan(rawLabel, context);
        String safe = SafeUrl.orNull(url);
        if (safe == null) {
            return Node.of("span").put("children", label).toMap();
        }
        return Node.of("link").put("url", safe).put("children", label).toMap();
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
