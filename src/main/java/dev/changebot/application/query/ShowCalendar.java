package dev.changebot.application.query;

import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.DeclaredFreezes;
import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.schedule.CalendarBuilder;
import dev.changebot.domain.schedule.CalendarPeriod;
import dev.changebot.domain.schedule.ChangeCalendar;
import dev.changebot.domain.schedule.DeclaredFreeze;
import dev.changebot.domain.schedule.ScheduledChange;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The change calendar of a period for one reader: the open changes, the policy's freezes and windows,
 * the declared freezes and open incidents, laid out day by day in the reader's zone.
 */
@Singleton
public class ShowCalendar {

    /** Open changes are read this many at a time. */
    static final int CHUNK = 500;
    /**
     * Past this many open changes the calendar reads no further: the work in flight of any team
     * fits well within it, and the answer must stay within Slack's 3 seconds.
     */
    public static final int MAX_OPEN = 10_000;

    private final OpenChanges open;
    private final Transactions transactions;
    private final ChangeViews views;
    private final CalendarStates states;
    private final DeclaredFreezes declared;
    private final Policy policy;
    private final Clock clock;

    public ShowCalendar(OpenChanges open, Transactions transactions, ChangeViews views, CalendarStates states,
                        DeclaredFreezes declared, Policy policy, Clock clock) {
        this.open = open;
        this.transactions = transactions;
        this.views = views;
        this.states = states;
        this.declared = declared;
        this.policy = policy;
        this.clock = clock;
    }

    /** The calendar, or why the question cannot be answered. */
    public sealed interface Answer permits Shown, Refused {
    }

    public record Shown(ChangeCalendar calendar) implements Answer {
    }

    public record Refused(String reason) implements Answer {
    }

    public Answer of(String workspaceId, String typedPeriod, Optional<String> service, ZoneId readerZone) {
        if (service.isPresent() && policy.service(service.get()).isEmpty()) {
            return new Refused(policy.hasServices()
                    ? "That is not a service of this policy; its services are "
                            + String.join(", ", policy.services().keySet()) + "."
                    : "This policy names no services: ask for the calendar without one.");
        }
        var now = clock.instant();
        var reading = CalendarPeriod.read(typedPeriod, now, readerZone);
        if (reading instanceof CalendarPeriod.Refused refused) {
            return new Refused(refused.reason());
        }
        var period = ((CalendarPeriod.Read) reading).period();
        return transactions.inTransaction(() -> {
            var changes = openChanges(workspaceId);
            var freezes = declared.inForceOrComing(workspaceId, now).stream()
                    .map(d -> new DeclaredFreeze(d.reason(), d.declaredBy(), d.startsAt(), d.endsAt())).toList();
            return new Shown(CalendarBuilder.build(policy, states.at(workspaceId, now), freezes, changes, period,
                    readerZone, now, service));
        });
    }

    /** Every open change as the calendar sees it, up to {@link #MAX_OPEN}; call inside a transaction. */
    public List<ScheduledChange> openChanges(String workspaceId) {
        return open(workspaceId).stream().map(change -> ScheduledChanges.of(views.of(change))).toList();
    }

    /** The open changes themselves, in number order, up to {@link #MAX_OPEN}; call inside a transaction. */
    public List<dev.changebot.domain.change.Change> open(String workspaceId) {
        var all = new ArrayList<dev.changebot.domain.change.Change>();
        long after = 0;
        while (all.size() < MAX_OPEN) {
            var chunk = open.after(workspaceId, after, CHUNK);
            all.addAll(chunk);
            if (chunk.size() < CHUNK) {
                break;
            }
            after = chunk.get(chunk.size() - 1).id().number();
        }
        return all;
    }
}
