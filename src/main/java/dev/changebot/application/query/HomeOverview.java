package dev.changebot.application.query;

import dev.changebot.application.port.DeclaredFreezes;
import dev.changebot.application.port.IncidentFreezes;
import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.Actor;
import dev.changebot.domain.rules.ChangeRules;
import dev.changebot.domain.rules.Situation;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * What one person needs on their App Home: changes awaiting them, their own open changes, the follow-ups
 * they may record, freezes.
 */
@Singleton
public class HomeOverview {

    /** How far ahead upcoming freezes are shown. */
    static final Duration LOOKAHEAD = Duration.ofDays(14);
    /** Changes awaiting approval are read this many at a time. */
    static final int CHUNK = 100;
    /**
     * Past this many changes awaiting approval (or owing follow-ups) in the workspace the Home stops counting
     * which of them the person may act on: it is published on every visit, and its cost must not follow a
     * backlog without end.
     */
    static final int MAX_EXAMINED = 1_000;

    private final OpenChanges open;
    private final Transactions transactions;
    private final ChangeViews views;
    private final ChangeRules rules;
    private final RoleDirectory directory;
    private final DeclaredFreezes declared;
    private final IncidentFreezes incidents;
    private final Policy policy;
    private final Clock clock;

    /** Without incidents (as before issue 18). */
    public HomeOverview(OpenChanges open, Transactions transactions, ChangeViews views, ChangeRules rules,
                        RoleDirectory directory, DeclaredFreezes declared, Policy policy, Clock clock) {
        this(open, transactions, views, rules, directory, declared, workspaceId -> List.of(), policy, clock);
    }

    @jakarta.inject.Inject
    public HomeOverview(OpenChanges open, Transactions transactions, ChangeViews views, ChangeRules rules,
                        RoleDirectory directory, DeclaredFreezes declared, IncidentFreezes incidents, Policy policy,
                        Clock clock) {
        this.incidents = incidents;
        this.open = open;
        this.transactions = transactions;
        this.views = views;
        this.rules = rules;
        this.directory = directory;
        this.declared = declared;
        this.policy = policy;
        this.clock = clock;
    }

    /** {@link #of(String, String, int, int)} with as many follow-ups as changes in each list. */
    public Home of(String workspaceId, String userId, int perList) {
        return of(workspaceId, userId, perList, perList);
    }

    /**
     * The Home with at most {@code perList} changes in each list and {@code followUpsShown} changes owing
     * follow-ups, and how many there are in all. The changes awaiting approval and those owing follow-ups are
     * read a chunk at a time ({@link #examine}).
     */
    public Home of(String workspaceId, String userId, int perList, int followUpsShown) {
        var me = Actor.person(userId, directory.rolesOf(workspaceId, userId));
        var now = clock.instant();
        var situation = Situation.at(policy, now);
        return transactions.inTransaction(() -> {
            var awaiting = awaiting(workspaceId, me, situation, perList);
            var followUps = followUps(workspaceId, me, followUpsShown);
            var mine = open.requestedBy(workspaceId, userId, perList).stream().map(views::of).toList();
            long mineTotal = mine.size() < perList ? mine.size() : open.countRequestedBy(workspaceId, userId);
            var freezes = new ArrayList<FreezeNotice>();
            declared.inForceOrComing(workspaceId, now).forEach(d -> freezes.add(new FreezeNotice(
                    "Declared: " + d.reason(), new TimeSpan(d.startsAt(), d.endsAt().orElse(now.plus(LOOKAHEAD.multipliedBy(100)))),
                    d.endsAt().isEmpty())));
            var coolDown = policy.incidentMapping().coolDown();
            for (var incident : incidents.notThawed(workspaceId)) {
                boolean watched = policy.freezes().stream().anyMatch(f -> f.source() instanceof FreezeSource.ActiveIncidents a
                        && a.severities().contains(incident.severity()));
                // An open incident's freeze runs until it is resolved; a resolved one's until its cool-down ends.
                incident.freezeSpan(coolDown, now, now.plus(LOOKAHEAD.multipliedBy(100))).filter(span -> watched)
                        .ifPresent(span -> freezes.add(new FreezeNotice("Incident " + incident.headline() + " — "
                                + incident.servicesText(), span.span(), incident.status().open())));
            }
            for (var freeze : policy.freezes()) {
                if (freeze.source() instanceof FreezeSource.Scheduled scheduled) {
                    scheduled.schedule().nextSpanFrom(now).filter(span -> span.start().isBefore(now.plus(LOOKAHEAD)))
                            .ifPresent(span -> freezes.add(new FreezeNotice(freeze.label(), span, false)));
                }
            }
            freezes.sort(java.util.Comparator.comparing(f -> f.span().start()));
            return new Home(awaiting, new Listing(mine, mineTotal, false), followUps, freezes);
        });
    }

    private Listing awaiting(String workspaceId, Actor me, Situation situation, int perList) {
        var found = examine(after -> open.awaitingApprovalAfter(workspaceId, after, CHUNK),
                change -> rules.mayApprove(change, me, situation), views::of, perList);
        return new Listing(found.shown(), found.total(), found.atLeast());
    }

    /**
     * The changes, open or finished, owing a follow-up this person may record now (a rolled-back change's
     * post-mortem, an emergency's retrospective), each with those follow-ups: once a change has ended, they
     * are found nowhere else.
     */
    private FollowUps followUps(String workspaceId, Actor me, int perList) {
        var found = examine(after -> open.owingFollowUpsAfter(workspaceId, after, CHUNK),
                change -> !mayRecord(change, me).isEmpty(),
                change -> new FollowUp(views.of(change), mayRecord(change, me)), perList);
        return new FollowUps(found.shown(), found.total(), found.atLeast());
    }

    private List<Obligation> mayRecord(Change change, Actor me) {
        return change.obligations().stream().filter(Obligation::isOpen)
                .filter(o -> rules.maySatisfy(change, o.name(), me).isAllowed()).toList();
    }

    /**
     * The changes {@code listed} of those {@code chunkAfter} reads, a chunk at a time after a number (the rules
     * decide, so SQL cannot), the first {@code perList} of them {@code shownAs}, and only a bounded number
     * read: see {@link #MAX_EXAMINED}.
     */
    private <T> Examined<T> examine(LongFunction<List<Change>> chunkAfter, Predicate<Change> listed,
                                    Function<Change, T> shownAs, int perList) {
        var shown = new ArrayList<T>();
        long total = 0;
        long after = 0;
        int examined = 0;
        while (true) {
            var chunk = chunkAfter.apply(after);
            for (var change : chunk) {
                if (listed.test(change)) {
                    if (shown.size() < perList) {
                        shown.add(shownAs.apply(change));
                    }
                    total++;
                }
            }
            examined += chunk.size();
            if (chunk.size() < CHUNK || examined >= MAX_EXAMINED) {
                return new Examined<>(shown, total, chunk.size() == CHUNK);
            }
            after = chunk.get(chunk.size() - 1).id().number();
        }
    }

    private record Examined<T>(List<T> shown, long total, boolean atLeast) {
    }

    /** The home of one person. */
    public record Home(Listing awaitingMe, Listing mine, FollowUps followUps, List<FreezeNotice> freezes) {
    }

    /**
     * The first changes of a list and how many it holds in all; {@code atLeast} when counting
     * stopped at {@link #MAX_EXAMINED} and there may be more.
     */
    public record Listing(List<ChangeView> shown, long total, boolean atLeast) {
    }

    /** A change owing follow-ups, with those the person may record now. */
    public record FollowUp(ChangeView view, List<Obligation> mayRecord) {
    }

    /** The first changes owing follow-ups the person may record, and how many there are ({@link Listing}). */
    public record FollowUps(List<FollowUp> shown, long total, boolean atLeast) {
    }

    /** A freeze in force or coming; {@code untilLifted} when it has no end of its own. */
    public record FreezeNotice(String label, TimeSpan span, boolean untilLifted) {
    }
}
