package dev.changebot.policyfile;

import dev.changebot.domain.policy.Reminders;
import java.util.Optional;
import java.util.Set;

/** {@code reminders:} — when pending approvers and follow-up owners are nudged, and who hears next. */
final class RemindersReader {

    private final Problems problems;
    private final References references;
    private final Values values;

    RemindersReader(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
        this.values = new Values(problems);
    }

    Reminders read(YamlMap reminders) {
        reminders.allowOnly(Set.of("remind_after", "escalate_after", "escalate_to", "escalation_channel",
                "follow_up_reminder_before"));
        var defaults = Reminders.defaults();
        var remindAfter = duration(reminders, "remind_after").orElse(defaults.remindAfter());
        var escalateAfter = duration(reminders, "escalate_after").orElse(defaults.escalateAfter());
        if (!escalateAfter.isZero() && escalateAfter.compareTo(remindAfter) <= 0) {
            problems.at(reminders.get("escalate_after").orElse(reminders.node()),
                    "escalation (" + escalateAfter + ") comes before the reminder (" + remindAfter + ")",
                    "escalate_after must be longer than remind_after");
        }
        reminders.get("escalate_to").ifPresent(node -> references.role(
                new YamlMap.Named(reminders.string("escalate_to").orElse(""), node)));
        return new Reminders(remindAfter, escalateAfter, reminders.string("escalate_to"),
                reminders.string("escalation_channel"),
                duration(reminders, "follow_up_reminder_before").orElse(defaults.followUpReminderBefore()));
    }

    private Optional<java.time.Duration> duration(YamlMap map, String key) {
        return map.string(key).flatMap(text -> values.duration(text, map.get(key).orElseThrow(), map.child(key)));
    }
}
