package dev.changebot.slack.command;

import dev.changebot.slack.view.Cut;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** `/change freeze start <reason> [until <ISO instant>]`, `/change freeze end`, `/change freeze list`. */
final class FreezeCommandParser {

    private static final Pattern UNTIL = Pattern.compile("(?i)^(.*?)\\s+until\\s+(\\S+)\\s*$");

    private FreezeCommandParser() {
    }

    static SlashCommand parse(String text) {
        var parts = text.strip().split("\\s+", 2);
        var verb = parts[0].toLowerCase();
        var rest = parts.length > 1 ? parts[1].strip() : "";
        switch (verb) {
            case "end":
                return new SlashCommand.FreezeEnd();
            case "list":
            case "":
                return new SlashCommand.FreezeList(ChangeCommandParser.page(rest));
            case "start":
                return start(rest);
            default:
                return new SlashCommand.Unreadable("`/change freeze` takes start, end or list, not `"
                        + Cut.userText(verb, 60) + "`.");
        }
    }

    private static SlashCommand start(String rest) {
        var until = UNTIL.matcher(rest);
        var reason = until.matches() ? until.group(1).strip() : rest;
        if (reason.isEmpty()) {
            return new SlashCommand.Unreadable("`/change freeze start` needs a reason, e.g. `/change freeze start Black Friday`.");
        }
        if (!until.matches()) {
            return new SlashCommand.FreezeStart(reason, Optional.empty());
        }
        try {
            return new SlashCommand.FreezeStart(reason, Optional.of(Instant.parse(until.group(2).toUpperCase())));
        } catch (DateTimeParseException e) {
            return new SlashCommand.Unreadable("`until` takes a UTC time like `2026-12-24T18:00:00Z`, not `"
                    + Cut.userText(until.group(2), 60) + "`.");
        }
    }
}
