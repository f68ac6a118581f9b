package dev.changebot.slack.command;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.view.Mrkdwn;
import java.util.Locale;
import java.util.function.Function;

/** Reads the text of a `/change` command. Anything it cannot read becomes help, never an error. */
public final class ChangeCommandParser {

    private ChangeCommandParser() {
    }

    public static SlashCommand parse(String text) {
        var trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new SlashCommand.Help();
        }
        var parts = trimmed.split("\\s+", 2);
        var verb = parts[0].toLowerCase(Locale.ROOT);
        var raw = parts.length > 1 ? parts[1].strip() : "";
        // The command is escaped by Slack (should_escape: mentions arrive as <@U123|name>, a typed
        // "<" as "&lt;"); user text is kept as typed, and escaped again wherever it is shown.
        var rest = verb.equals("emergency") ? raw : unescape(raw);
        return switch (verb) {
            case "help" -> new SlashCommand.Help();
            case "new" -> newChange(rest);
            case "list" -> new SlashCommand.ListOpen(page(rest));
            case "show" -> withId(verb, rest, false, (id) -> new SlashCommand.Show(id.id()));
            case "approve" -> approve(rest);
            case "cancel" -> withId(verb, rest, false, (id) -> new SlashCommand.Cancel(id.id()));
            case "start" -> withId(verb, rest, false, (id) -> new SlashCommand.Start(id.id()));
            case "emergency" -> emergency(rest);
            case "resolve" -> withId(verb, rest, false, (id) -> new SlashCommand.Resolve(id.id()));
            case "satisfy" -> withId(verb, rest, true, (id) -> new SlashCommand.Satisfy(id.id(), id.rest().split("\\s+")[0]));
            case "deployed" -> withId(verb, rest, true, ChangeCommandParser::deployed);
            case "issue" -> withId(verb, rest, true, (id) -> new SlashCommand.ReportIssue(id.id(), id.rest()));
            case "done" -> withId(verb, rest, false,
                    (id) -> new SlashCommand.Finished(id.id(), dev.changebot.domain.change.ChangeState.COMPLETED));
            case "rolledback", "rollback" -> withId(verb, rest, false,
                    (id) -> new SlashCommand.Finished(id.id(), dev.changebot.domain.change.ChangeState.ROLLED_BACK));
            case "failed" -> withId(verb, rest, false,
                    (id) -> new SlashCommand.Finished(id.id(), dev.changebot.domain.change.ChangeState.FAILED));
            case "freeze" -> FreezeCommandParser.parse(rest);
            case "incident" -> IncidentCommandParser.parse(rest);
            case "evidence" -> rest.isEmpty()
                    ? new SlashCommand.Unreadable("`/change evidence` needs a period: "
                            + dev.changebot.domain.evidence.PeriodReading.EXAMPLES + ".")
                    : new SlashCommand.Evidence(rest);
            case "audit" -> audit(rest);
            case "report" -> new SlashCommand.Report(rest);
            case "token" -> token(rest);
            case "calendar" -> calendar(rest);
            case "conflicts" -> withId(verb, rest, false, (id) -> new SlashCommand.Conflicts(id.id()));
            case "reject" -> withId(verb, rest, true, (id) -> new SlashCommand.Reject(id.id(), id.rest()));
            default -> new SlashCommand.Unreadable("I don't know `" + Mrkdwn.escape(clip(parts[0])) + "`.");
        };
    }

    /** `/change approve CHG-n`, or `/change approve CHG-n rollback` for the approval a rollback needs. */
    private static SlashCommand approve(String rest) {
        var parts = rest.split("\\s+", 2);
        if (parts.length > 1 && parts[1].strip().equalsIgnoreCase("rollback")) {
            return withId("approve", parts[0], false, (id) -> new SlashCommand.Approve(id.id(), true));
        }
        if (parts.length > 1 && !parts[1].isBlank() && ChangeId.parse(parts[0]).isPresent()) {
            return new SlashCommand.Unreadable("`/change approve` takes a change id, and `rollback` after it to approve"
                    + " a rollback: `/change approve " + ChangeId.parse(parts[0]).get() + " rollback`.");
        }
        return withId("approve", rest, false, (id) -> new SlashCommand.Approve(id.id()));
    }

    private static SlashCommand withId(String verb, String rest, boolean needsText,
                                       Function<IdAndRest, SlashCommand> build) {
        var parts = rest.split("\\s+", 2);
        var id = ChangeId.parse(parts[0]);
        if (id.isEmpty()) {
            return new SlashCommand.Unreadable("`/change " + verb + "` needs a change id like `CHG-12`"
                    + (rest.isEmpty() ? "." : ", not `" + Mrkdwn.escape(clip(parts[0])) + "`."));
        }
        var text = parts.length > 1 ? parts[1].strip() : "";
        if (needsText && text.isEmpty()) {
            return new SlashCommand.Unreadable("`/change " + verb + " " + id.get() + "` needs a reason after the id.");
        }
        if (!needsText && !text.isEmpty()) {
            return new SlashCommand.Unreadable("`/change " + verb + "` takes only a change id.");
        }
        return build.apply(new IdAndRest(id.get(), text));
    }

    /** `/change new [title] [--service name] [--type category/type]`: the options may stand anywhere in the text. */
    private static SlashCommand newChange(String rest) {
        var title = rest;
        var values = new java.util.HashMap<String, String>();
        for (var option : java.util.List.of("service", "type")) {
            var matcher = java.util.regex.Pattern.compile("(?:^|\\s+)--" + option + "(?:\\s+([^\\s]+))?\\s*").matcher(title);
            if (!matcher.find()) {
                continue;
            }
            if (matcher.group(1) == null || matcher.group(1).startsWith("--")) {
                return new SlashCommand.Unreadable(option.equals("service")
                        ? "`--service` needs a service of the policy, e.g. `--service homepage`."
                        : "`--type` needs a type of change of the policy, e.g. `--type database/column-removal`.");
            }
            values.put(option, matcher.group(1).toLowerCase(java.util.Locale.ROOT));
            title = (title.substring(0, matcher.start()) + " " + title.substring(matcher.end())).strip();
        }
        return new SlashCommand.New(title, java.util.Optional.ofNullable(values.get("service")),
                java.util.Optional.ofNullable(values.get("type")));
    }

    /**
     * `/change emergency <summary> [--ic @someone] [--sev P1] [--approved-by @someone] [--incident INC-n]`;
     * Slack sends a mention as <@U123|name>.
     */
    private static SlashCommand emergency(String rest) {
        java.util.Optional<Long> incident = java.util.Optional.empty();
        var linked = java.util.regex.Pattern.compile("(?i)\\s*--incident\\s+INC-(\\d{1,18})\\b\\s*").matcher(rest);
        if (linked.find()) {
            incident = java.util.Optional.of(Long.parseLong(linked.group(1)));
            rest = (rest.substring(0, linked.start()) + " " + rest.substring(linked.end())).strip();
        } else if (rest.contains("--incident")) {
            return new SlashCommand.Unreadable("`--incident` needs the incident it fixes, e.g. `--incident INC-3`.");
        }
        java.util.Optional<String> approvedBy = java.util.Optional.empty();
        var approved = java.util.regex.Pattern.compile("\\s*--approved-by\\s+<@([A-Z0-9]+)(?:\\|[^>]*)?>\\s*").matcher(rest);
        if (approved.find()) {
            approvedBy = java.util.Optional.of(approved.group(1));
            rest = (rest.substring(0, approved.start()) + " " + rest.substring(approved.end())).strip();
        } else if (rest.contains("--approved-by")) {
            return new SlashCommand.Unreadable("`--approved-by` needs the person who approved it, mentioned with @,"
                    + " e.g. `--approved-by @ceo`.");
        }
        var matcher = java.util.regex.Pattern.compile("\\s*--ic\\s+<@([A-Z0-9]+)(?:\\|[^>]*)?>\\s*").matcher(rest);
        java.util.Optional<String> ic = java.util.Optional.empty();
        var summary = rest;
        if (matcher.find()) {
            ic = java.util.Optional.of(matcher.group(1));
            summary = (rest.substring(0, matcher.start()) + " " + rest.substring(matcher.end())).strip();
        } else if (rest.contains("--ic")) {
            return new SlashCommand.Unreadable("`--ic` needs a person mentioned with @, e.g. `--ic @jane`.");
        }
        java.util.Optional<String> severity = java.util.Optional.empty();
        var sev = java.util.regex.Pattern.compile("\\s*--sev\\s+(\\S+)\\s*").matcher(summary);
        if (sev.find()) {
            severity = java.util.Optional.of(sev.group(1).toUpperCase(Locale.ROOT));
            summary = (summary.substring(0, sev.start()) + " " + summary.substring(sev.end())).strip();
        }
        summary = unescape(summary);
        if (summary.isBlank()) {
            return new SlashCommand.Unreadable("`/change emergency` needs a summary, e.g. `/change emergency Roll back bad config`.");
        }
        return new SlashCommand.Emergency(summary, ic, severity, approvedBy, incident);
    }

    /** `deployed CHG-n <environment> [percent]`: the percentage is a step of a staged rollout. */
    private static SlashCommand deployed(IdAndRest id) {
        var words = id.rest().split("\\s+");
        if (words.length == 1) {
            return new SlashCommand.Deployed(id.id(), words[0], java.util.OptionalInt.empty());
        }
        try {
            int percent = Integer.parseInt(words[1].replace("%", ""));
            if (percent >= 1 && percent <= 100 && words.length == 2) {
                return new SlashCommand.Deployed(id.id(), words[0], java.util.OptionalInt.of(percent));
            }
        } catch (NumberFormatException notAPercentage) {
            // told below
        }
        return new SlashCommand.Unreadable("`/change deployed " + id.id() + "` takes an environment and, for a staged"
                + " rollout, a percentage: `/change deployed " + id.id() + " production 25`.");
    }

    /** `audit CHG-n [page]`: the trail of one change, a page at a time when it is long. */
    private static SlashCommand audit(String rest) {
        var words = rest.split("\\s+");
        var id = ChangeId.parse(words[0]);
        if (id.isEmpty() || words.length > 2 || words.length == 2 && !words[1].matches("[1-9][0-9]{0,3}")) {
            return new SlashCommand.Unreadable("`/change audit` needs a change id like `CHG-12` (and, for a long"
                    + " trail, a page number: `/change audit CHG-12 2`).");
        }
        return new SlashCommand.Audit(id.get(), words.length == 2 ? Integer.parseInt(words[1]) : 1);
    }

    /** `token create NAME [services…] [environments…] [read-only]`, `token list`, `token revoke NAME`. */
    private static SlashCommand token(String rest) {
        var words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        var verb = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
        var after = java.util.Arrays.asList(words).subList(Math.min(1, words.length), words.length);
        if (verb.equals("create") && !after.isEmpty()) {
            return new SlashCommand.Token(SlashCommand.Token.Verb.CREATE, after);
        }
        if (verb.equals("list") && after.isEmpty()) {
            return new SlashCommand.Token(SlashCommand.Token.Verb.LIST, after);
        }
        if (verb.equals("revoke") && after.size() == 1) {
            return new SlashCommand.Token(SlashCommand.Token.Verb.REVOKE, after);
        }
        return new SlashCommand.Unreadable("`/change token` takes `create NAME [services…] [environments…] [read-only]`, `list`"
                + " or `revoke NAME`.");
    }

    /** `calendar [period] [service]`, in either order: a word that looks like a period is the period. */
    private static SlashCommand calendar(String rest) {
        var words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (words.length > 0 && words[0].equalsIgnoreCase("subscribe")) {
            return new SlashCommand.CalendarSubscribe(java.util.Arrays.stream(words).skip(1)
                    .map(w -> w.toLowerCase(Locale.ROOT)).toList());
        }
        if (words.length > 0 && words[0].equalsIgnoreCase("unsubscribe")) {
            return words.length == 1 ? new SlashCommand.CalendarUnsubscribe()
                    : new SlashCommand.Unreadable("`/change calendar unsubscribe` takes nothing after it: it revokes"
                            + " every calendar URL you made.");
        }
        String period = null;
        String service = null;
        for (var word : words) {
            if (dev.changebot.domain.schedule.CalendarPeriod.looksLikeOne(word) && period == null) {
                period = word;
            } else if (service == null && !dev.changebot.domain.schedule.CalendarPeriod.looksLikeOne(word)) {
                service = word.toLowerCase(Locale.ROOT);
            } else {
                return new SlashCommand.Unreadable("`/change calendar` takes a period ("
                        + dev.changebot.domain.schedule.CalendarPeriod.EXAMPLES + ") and a service, each at most once.");
            }
        }
        return new SlashCommand.Calendar(period == null ? "" : period, java.util.Optional.ofNullable(service));
    }

    /** `list 3`: the page asked for; anything else is the first page, as a plain `list` always was. */
    static int page(String text) {
        return text.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(text) : 1;
    }

    static String unescape(String slackText) {
        return slackText.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String clip(String word) {
        return dev.changebot.slack.view.Cut.plain(word, 41);
    }

    private record IdAndRest(ChangeId id, String rest) {
    }
}
