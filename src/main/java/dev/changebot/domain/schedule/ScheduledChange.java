package dev.changebot.domain.schedule;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change as the calendar sees it: what POL-008 asks a shared calendar to show (when, who, which
 * systems, how long, how risky, how far approved). {@code window} is empty when the request gave no
 * planned start or duration: such a change is listed, but it cannot be placed on a day or clash.
 *
 * @param owner          who asked for it and carries it out (Changebot records no separate implementer)
 * @param approvalStatus "2/3 approved", "approved", "" — as a person reads it
 */
public record ScheduledChange(ChangeId id, String title, String changeClass, String classLabel, String owner,
                              Optional<String> service, String systems, String environment, String risk,
                              ChangeState state, Optional<TimeSpan> window, String approvalStatus) {

    public ScheduledChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        title = title == null ? "" : title;
        systems = systems == null ? "" : systems;
        environment = environment == null ? "" : environment;
        risk = risk == null ? "" : risk;
        approvalStatus = approvalStatus == null ? "" : approvalStatus;
    }

    /** Pending, approved or under way: a change that still holds its slot on the calendar. */
    public boolean holdsItsSlot() {
        return state == ChangeState.PENDING_APPROVAL || state == ChangeState.APPROVED || underWay();
    }

    /** Deploying or soaking between the steps of a rollout. */
    public boolean underWay() {
        return state == ChangeState.IN_PROGRESS || state == ChangeState.SOAKING;
    }

    /**
     * The systems it names, each in lower case: the field is free text ("api, billing-db; queue"), so
     * commas, semicolons and line breaks separate them.
     */
    public Set<String> systemNames() {
        // By hand, not String.split's regular expression: the outbox reads this for every pair it checks.
        var names = new java.util.HashSet<String>();
        int from = 0;
        for (int i = 0; i <= systems.length(); i++) {
            if (i == systems.length() || systems.charAt(i) == ',' || systems.charAt(i) == ';' || systems.charAt(i) == '\n') {
                var name = systems.substring(from, i).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
                from = i + 1;
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    /** The same change at another time, for the search of a free slot. */
    public ScheduledChange at(TimeSpan newWindow) {
        return new ScheduledChange(id, title, changeClass, classLabel, owner, service, systems, environment, risk, state,
                Optional.of(newWindow), approvalStatus);
    }
}
