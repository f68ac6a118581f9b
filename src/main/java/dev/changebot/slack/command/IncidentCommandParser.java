package dev.changebot.slack.command;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.view.Cut;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * `/change incident start <SEV> <title> [services…]`, `/change incident resolve INC-n`,
 * `/change incident cause INC-n CHG-m`, `/change incident remediate INC-n CHG-m`.
 */
final class IncidentCommandParser {

    private static final Pattern INCIDENT = Pattern.compile("(?i)INC-(\\d{1,18})");
    static final String USAGE = "`/change incident start SEV2 Checkout errors payments-api`, "
            + "`/change incident resolve INC-3` or `/change incident cause INC-3 CHG-12`";

    private IncidentCommandParser() {
    }

    static SlashCommand parse(String text) {
        var words = text.strip().isEmpty() ? List.<String>of() : Arrays.asList(text.strip().split("\\s+"));
        if (words.isEmpty()) {
            return new SlashCommand.Unreadable("`/change incident` takes start, resolve, cause or remediate: " + USAGE + ".");
        }
        var verb = words.get(0).toLowerCase(java.util.Locale.ROOT);
        switch (verb) {
            case "start":
                if (words.size() < 3) {
                    return new SlashCommand.Unreadable("`/change incident start` needs a severity and a title, e.g. "
                            + "`/change incident start SEV2 Checkout errors payments-api`.");
                }
                return new SlashCommand.IncidentStart(words.get(1), words.subList(2, words.size()));
            case "resolve":
                return words.size() == 2 ? number(words.get(1)).<SlashCommand>map(SlashCommand.IncidentResolve::new)
                        .orElseGet(() -> notAnIncident(words.get(1)))
                        : new SlashCommand.Unreadable("`/change incident resolve` takes one incident, e.g. `INC-3`.");
            case "cause":
            case "remediate":
                if (words.size() != 3) {
                    return new SlashCommand.Unreadable("`/change incident " + verb + "` takes an incident and a change,"
                            + " e.g. `/change incident " + verb + " INC-3 CHG-12`.");
                }
                var number = number(words.get(1));
                var change = ChangeId.parse(words.get(2));
                if (number.isEmpty()) {
                    return notAnIncident(words.get(1));
                }
                boolean cause = verb.equals("cause");
                return change.<SlashCommand>map(id -> new SlashCommand.IncidentLink(number.get(), id, cause))
                        .orElseGet(() -> new SlashCommand.Unreadable("`" + Cut.userText(words.get(2), 40)
                                + "` is not a change id like `CHG-12`."));
            default:
                return new SlashCommand.Unreadable("`/change incident` takes start, resolve, cause or remediate, not `"
                        + Cut.userText(verb, 40) + "`: " + USAGE + ".");
        }
    }

    private static Optional<Long> number(String word) {
        var matcher = INCIDENT.matcher(word);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long number = Long.parseLong(matcher.group(1));
        return number < 1 ? Optional.empty() : Optional.of(number);
    }

    private static SlashCommand notAnIncident(String word) {
        return new SlashCommand.Unreadable("`" + Cut.userText(word, 40) + "` is not an incident id like `INC-3`.");
    }
}
