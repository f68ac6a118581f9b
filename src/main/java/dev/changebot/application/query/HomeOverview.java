package dev.changebot.application.query;

import dev.changebot.application.port.DeclaredFreezes;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
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

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeViews views;
    private final ChangeRules rules;
    private final RoleDirectory directory;
    private final DeclaredFreezes declared;
    private final Policy policy;
    private final Clock clock;

    public HomeOverview(Changes changes, Transactions transactions, ChangeViews views, ChangeRules rules,
                        RoleDirectory directory, DeclaredFreezes declared, Policy policy, Clock clock) {
        this.changes = changes;
        this.transactions = transactions;
        this.views = views;
        this.rules = rules;
        this.directory = directory;
        this.declared = declared;
        this.policy = policy;
        this.clock = clock;
    }

    public Home of(String workspaceId, String userId) {
        var me = Actor.person(userId, directory.rolesOf(workspaceId, userId));
        var now = clock.instant();
        var situation = Situation.at(policy, now);
        return transactions.inTransaction(() -> {
            var open = changes.findOpen(workspaceId);
            var awaiting = open.stream().filter(c -> c.state() == ChangeState.PENDING_APPROVAL)
                    .filter(c -> rules.mayApprove(c, me, situation)).map(views::of).toList();
            var mine = open.stream().filter(c -> c.requesterId().equals(userId)).map(views::of).toList();
            var freezes = new ArrayList<FreezeNotice>();
            declared.inForceOrComing(workspaceId, now).forEach(d -> freezes.add(new FreezeNotice(
                    "Declared: " + d.reason(), new TimeSpan(d.startsAt(), d.endsAt().orElse(now.plus(LOOKAHEAD.multipliedBy(100)))),
                    d.endsAt().isEmpty())));
            for (var freeze : policy.freezes()) {
                if (freeze.source() instanceof FreezeSource.Scheduled scheduled) {
                    scheduled.schedule().nextSpanFrom(now).filter(span -> span.start().isBefore(now.plus(LOOKAHEAD)))
                            .ifPresent(span -> freezes.add(new FreezeNotice(freeze.label(), span, false)));
                }
            }
            freezes.sort(java.util.Comparator.comparing(f -> f.span().start()));
            return new Home(awaiting, mine, freezes);
        });
    }

    /** The home of one person. */
    public record Home(List<ChangeView> awaitingMe, List<ChangeView> mine, List<FreezeNotice> freezes) {
    }

    /** A freeze in force or coming; {@code untilLifted} when it has no end of its own. */
    public record FreezeNotice(String label, TimeSpan span, boolean untilLifted) {
    }
}
