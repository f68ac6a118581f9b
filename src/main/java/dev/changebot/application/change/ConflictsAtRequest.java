package dev.changebot.application.change;

import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.ChangeAnnouncer;
import dev.changebot.application.port.ConflictLedger;
import dev.changebot.application.port.Notices;
import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.Transactions;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.application.query.FindConflicts;
import dev.changebot.application.query.ScheduledChanges;
import dev.changebot.application.query.ShowCalendar;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.NoticeFacts;
import dev.changebot.domain.notice.Recipient;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.ConflictRule;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.schedule.Conflict;
import dev.changebot.domain.schedule.Conflicts;
import dev.changebot.domain.schedule.RecordedConflict;
import dev.changebot.domain.schedule.ScheduledChange;
import dev.changebot.domain.schedule.UnlistedConflicts;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The conflicts of a change being requested, from every open change of the workspace. A warn class is
 * checked only while the workspace has at most {@link FindConflicts#WITHIN_THE_ACK} open changes (the form
 * is answered within Slack's 3 seconds); a block class always, up to {@link ShowCalendar#MAX_OPEN}, since
 * letting a request through unchecked would be a silent exception to the policy.
 */
@Singleton
public class ConflictsAtRequest implements ConflictCheck {

    /** Other changes told in their threads per request: the new change's thread says how many more. */
    public static final int TOLD_PER_REQUEST = 3;

    /**
     * Other changes whose conflicts with a request are recorded pair by pair, the nearest first; those beyond
     * are recorded as one count ({@link UnlistedConflicts}).
     */
    public static final int RECORDED_PER_REQUEST = 20;

    private final ShowCalendar calendar;
    private final ChangeViews views;
    private final CalendarStates states;
    private final OpenChanges open;
    private final Transactions transactions;
    private final ConflictLedger ledger;
    private final Notices notices;
    private final ChangeAnnouncer announcer;
    private final Policy policy;

    public ConflictsAtRequest(ShowCalendar calendar, ChangeViews views, CalendarStates states, OpenChanges open,
                              Transactions transactions, ConflictLedger ledger, Notices notices, ChangeAnnouncer announcer,
                              Policy policy) {
        this.calendar = calendar;
        this.views = views;
        this.states = states;
        this.open = open;
        this.transactions = transactions;
        this.ledger = ledger;
        this.notices = notices;
        this.announcer = announcer;
        this.policy = policy;
    }

    @Override
    public Optional<Found> check(Change planned, ChangeClass changeClass, Instant now) {
        if (changeClass.emergency()) {
            return Optional.empty();
        }
        var workspace = planned.workspaceId();
        return transactions.inTransaction(() -> {
            if (changeClass.conflicts() == ConflictRule.WARN
                    && open.countUpTo(workspace, FindConflicts.WITHIN_THE_ACK + 1) > FindConflicts.WITHIN_THE_ACK) {
                return Optional.<Found>empty();
            }
            var openChanges = calendar.open(workspace);
            var others = openChanges.stream().map(c -> ScheduledChanges.of(views.of(c))).toList();
            var subject = ScheduledChanges.of(views.of(planned));
            var state = states.at(workspace, now);
            var conflicts = Conflicts.of(policy, state, subject, others, now);
            var from = subject.window().map(TimeSpan::start).filter(start -> start.isAfter(now)).orElse(now);
            var slot = conflicts.isEmpty() ? Optional.<TimeSpan>empty()
                    : Conflicts.nextFreeSlot(policy, state, subject, others, from);
            var involved = conflicts.stream().flatMap(c -> c.other().stream()).map(ScheduledChange::id)
                    .collect(java.util.stream.Collectors.toSet());
            var readUpTo = openChanges.stream().mapToLong(c -> c.id().number()).max().orElse(0);
            return Optional.of(new Found(conflicts, slot,
                    openChanges.stream().filter(c -> involved.contains(c.id())).toList(), readUpTo));
        });
    }

    @Override
    public Found recheck(Change planned, ChangeClass changeClass, Found found, Instant now) {
        var workspace = planned.workspaceId();
        var newer = open.after(workspace, found.readUpTo(), ShowCalendar.MAX_OPEN);
        if (newer.isEmpty()) {
            return found;
        }
        var subject = ScheduledChanges.of(views.of(planned));
        var newerIds = newer.stream().map(Change::id).collect(java.util.stream.Collectors.toSet());
        // Only the pairs with the newer changes: the freezes and windows were told by the first check.
        var added = Conflicts.of(policy, states.at(workspace, now), subject,
                        newer.stream().map(c -> ScheduledChanges.of(views.of(c))).toList(), now).stream()
                .filter(c -> c.other().isPresent() && newerIds.contains(c.other().get().id())).toList();
        if (added.isEmpty()) {
            return found;
        }
        var involved = added.stream().map(c -> c.other().get().id()).collect(java.util.stream.Collectors.toSet());
        var conflicts = new ArrayList<>(found.conflicts());
        conflicts.addAll(added);
        var others = new ArrayList<>(found.others());
        newer.stream().filter(c -> involved.contains(c.id())).forEach(others::add);
        return new Found(conflicts, found.nextFreeSlot(), others,
                newer.stream().mapToLong(c -> c.id().number()).max().orElse(found.readUpTo()));
    }

    @Override
    public void oneAtATime(String workspaceId) {
        ledger.oneAtATime(workspaceId);
    }

    @Override
    public void record(Change created, ChangeClass changeClass, Found found, Instant now) {
        var workspace = created.workspaceId();
        var byOther = byOtherNearestFirst(found.conflicts());
        if (byOther.isEmpty()) {
            return;
        }
        // Every pair is kept only for the nearest few: n changes planned over each other would otherwise
        // record n² rows and tell as many threads. The rest are kept as one count (and /change conflicts
        // lists them all while they are open).
        var listed = new LinkedHashMap<ChangeId, List<Conflict>>();
        var unlisted = new ArrayList<Conflict>();
        for (var entry : byOther.entrySet()) {
            if (listed.size() < RECORDED_PER_REQUEST) {
                listed.put(entry.getKey(), entry.getValue());
            } else {
                unlisted.addAll(entry.getValue());
            }
        }
        var recorded = ledger.recordNew(workspace, listed.values().stream().flatMap(List::stream)
                .map(c -> new RecordedConflict(created.id(), c.other().get().id(), c.kind(), c.overlap(), now,
                        changeClass.conflicts())).toList());
        if (!unlisted.isEmpty()) {
            ledger.recordUnlisted(workspace, new UnlistedConflicts(created.id(), byOther.size() - listed.size(),
                    unlisted.stream().map(Conflict::kind).distinct().toList(), span(unlisted), now, changeClass.conflicts()));
        }
        var newlyRecorded = new HashSet<ChangeId>();
        recorded.forEach(r -> newlyRecorded.add(r.other()));
        var others = new HashMap<ChangeId, Change>();
        found.others().forEach(c -> others.put(c.id(), c));
        var subject = ScheduledChanges.of(views.of(created));
        var lines = new ArrayList<NoticeFacts.ConflictLine>();
        int untold = unlisted.isEmpty() ? 0 : byOther.size() - listed.size();
        for (var entry : listed.entrySet()) {
            var other = others.get(entry.getKey());
            if (!newlyRecorded.contains(entry.getKey()) || other == null) {
                continue;
            }
            if (lines.size() == TOLD_PER_REQUEST) {
                untold++;
                continue;
            }
            var them = entry.getValue().get(0).other().get();
            lines.add(line(them, subject, entry.getValue()));
            notices.send(new Notice(workspace, other.id(), new Recipient.ChangeThread(other.originChannelId()),
                    new NoticeFacts.PlannedOver(line(subject, them, entry.getValue()))));
            // Its message shows the new conflict now, not at its next change of state.
            announcer.changed(other);
        }
        if (!lines.isEmpty()) {
            notices.send(new Notice(workspace, created.id(), new Recipient.ChangeThread(created.originChannelId()),
                    new NoticeFacts.PlannedOverOthers(lines, untold)));
        }
    }

    /** The conflicts with other changes, by the change they are with, the one whose shared time starts first first. */
    static LinkedHashMap<ChangeId, List<Conflict>> byOtherNearestFirst(List<Conflict> conflicts) {
        var byOther = new HashMap<ChangeId, List<Conflict>>();
        var first = new HashMap<ChangeId, Instant>();
        for (var conflict : conflicts) {
            if (conflict.other().isEmpty()) {
                continue;
            }
            var other = conflict.other().get().id();
            byOther.computeIfAbsent(other, id -> new ArrayList<>()).add(conflict);
            first.merge(other, conflict.overlap().start(), (a, b) -> a.isBefore(b) ? a : b);
        }
        var ordered = new LinkedHashMap<ChangeId, List<Conflict>>();
        byOther.keySet().stream()
                .sorted(Comparator.comparing((ChangeId id) -> first.get(id)).thenComparingLong(ChangeId::number))
                .forEach(id -> ordered.put(id, byOther.get(id)));
        return ordered;
    }

    private static TimeSpan span(List<Conflict> conflicts) {
        var start = conflicts.stream().map(c -> c.overlap().start()).min(Instant::compareTo).orElseThrow();
        var end = conflicts.stream().map(c -> c.overlap().end()).max(Instant::compareTo).orElseThrow();
        return new TimeSpan(start, end);
    }

    /** {@code who} as the thread of {@code reader} is told it: owner, the time they share, where, the kinds. */
    private static NoticeFacts.ConflictLine line(ScheduledChange who, ScheduledChange reader, List<Conflict> conflicts) {
        var shared = span(conflicts);
        return new NoticeFacts.ConflictLine(who.id().toString(), who.owner(), shared.start(), shared.end(), where(who, reader, conflicts),
                conflicts.stream().map(c -> c.kind().label()).distinct().toList());
    }

    /** The service they share, else the two services tied by a dependency, else the systems they share; nothing when only the owner is. */
    static String where(ScheduledChange a, ScheduledChange b, List<Conflict> conflicts) {
        var kinds = conflicts.stream().map(Conflict::kind).toList();
        if ((kinds.contains(Conflict.Kind.SAME_SERVICE) || kinds.contains(Conflict.Kind.ROLLOUT_IN_PROGRESS))
                && a.service().isPresent()) {
            return a.service().get();
        }
        if (kinds.contains(Conflict.Kind.DEPENDENCY) && a.service().isPresent() && b.service().isPresent()) {
            return a.service().get() + " and " + b.service().get();
        }
        if (kinds.contains(Conflict.Kind.SAME_SYSTEM)) {
            var shared = new TreeSet<>(a.systemNames());
            shared.retainAll(b.systemNames());
            return String.join(", ", shared);
        }
        return "";
    }
}
