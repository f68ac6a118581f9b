package dev.changebot.sandbox.standin;

import dev.changebot.sandbox.workspace.Group;
import dev.changebot.sandbox.workspace.Person;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A slash command's text as Slack delivers it to an app whose command has {@code should_escape}
 * (Changebot's manifest sets it): {@code &}, {@code <} and {@code >} escaped, and typed mentions
 * of known people, user groups and channels turned into Slack's {@code <@U…|name>},
 * {@code <!subteam^S…|@handle>} and {@code <#C…|name>}.
 */
final class CommandText {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w<])([@#])([a-z0-9][a-z0-9._-]*)");

    private CommandText() {
    }

    static String escape(String text, List<Person> people, List<Group> groups, List<dev.changebot.sandbox.workspace.Channel> channels) {
        var escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        Matcher matcher = MENTION.matcher(escaped);
        var out = new StringBuilder();
        while (matcher.find()) {
            var name = matcher.group(2);
            String replacement = matcher.group(0);
            if ("@".equals(matcher.group(1))) {
                var person = people.stream().filter(p -> p.name().equals(name)).findFirst();
                var group = groups.stream().filter(g -> g.handle().equals(name)).findFirst();
                if (person.isPresent()) {
                    replacement = "<@" + person.get().id() + "|" + name + ">";
                } else if (group.isPresent()) {
                    replacement = "<!subteam^" + group.get().id() + "|@" + name + ">";
                }
            } else {
                var channel = channels.stream().filter(c -> !c.isIm() && c.name().equals(name)).findFirst();
                if (channel.isPresent()) {
                    replacement = "<#" + channel.get().id() + "|" + name + ">";
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
