package dev.changebot.application.query;

import dev.changebot.application.port.DeclaredFreezes;
import dev.changebot.application.port.IncidentFreezes;
import dev.changebot.application.port.OpenChanges;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.calendar.TimeSpan;
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

/** What one person needs on their App Home: changes awaiting them, their own open changes, freezes. */
@Singleton
public class HomeOverview {

    /** How far ahead upcoming freezes are shown. */
    static final Duration LOOKAHEAD = Duration.ofDays(14);
    /** Changes awaiting approval are read this many at a time. */
    static final int CHUNK = 100;
    /**
     * Past this many changes awaiting approval in the workspace the Home stops counting which of
     * them the person may approve: it is published on every visit, and its cost must not follow a
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

    /**
     * The Home with at most {@code perList} changes in each list, and how many there are in all.
     * Reads the changes awaiting approval a chunk at a time (the rules decide who may approve, so
     * SQL cannot), and only a bounded number of them: see {@link #MAX_EXAMINED}.
     */
    public Home of(String workspaceId, String userId, int perList) {
        var me = Actor.person(userId, directory.rolesOf(workspaceId, userId));
        var now = clock.instant();
        var situation = Situation.at(policy, now);
        return transactions.inTransaction(() -> {
            var awaiting = awaiting(workspaceId, me, situation, perList);
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
            return new Home(awaiting, new Listing(mine, mineTotal, false), freezes);
        });
    }

    private Listing awaiting(String workspaceId, Actor me, Situation situation, int perList) {
        var shown = new ArrayList<ChangeView>();
        long total = 0;
        long after = 0;
        int examined = 0;
        while (true) {
            var chunk = open.awaitingApprovalAfter(workspaceId, after, CHUNK);
            for (var change : chunk) {
                if (rules.mayApprove(change, me, situation)) {
                    if (shown.size() < perList) {
                        shown.add(views.of(change));
                    }
                    total++;
                }
            }
            examined += chunk.size();
            if (chunk.size() < CHUNK) {
                return new Listing(shown, total, false);
            }
            if (examined >= MAX_EXAMINED) {
                return new Listing(shown, total, true);
            }
            after = chunk.get(chunk.size() - 1).id().number();
        }
    }

    /** The home of one person. */
    public record Home(Listing awaitingMe, Listing mine, List<FreezeNotice> freezes) {
    }

    /**
     * The first changes of a list and how many it holds in all; {@code atLeast} when counting
     * stopped at {@link #MAX_EXAMINED} and there may be more.
     */
    public record Listing(List<ChangeView> shown, long total, boolean atLeast) {
    }

    /** A freeze in force or coming; {@code untilLifted} when it has no end of its own. */
    public record FreezeNotice(String label, TimeSpan span, boolean untilLifted) {
    }
}
