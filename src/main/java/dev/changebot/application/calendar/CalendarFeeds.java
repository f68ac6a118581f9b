package dev.changebot.application.calendar;

import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.CalendarSubscriptions;
import dev.changebot.application.port.DeclaredFreezes;
import dev.changebot.application.port.FeedSequences;
import dev.changebot.application.port.Transactions;
import dev.changebot.application.query.ChangeViews;
import dev.changebot.application.query.ScheduledChanges;
import dev.changebot.application.query.ShowCalendar;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.schedule.FeedStatus;
import dev.changebot.domain.schedule.ScheduledChange;
import dev.changebot.domain.token.TokenText;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The iCal feed: subscriptions (a secret URL per subscriber, revocable) and what a subscription's
 * feed holds. Only the hash of a URL's token is kept; an unknown or revoked token finds nothing.
 */
@Singleton
public class CalendarFeeds {

    /** Changes the feed showed that are no longer open stay in it this long after their planned end. */
    static final Duration KEPT_AFTER = Duration.ofDays(30);

    private final CalendarSubscriptions subscriptions;
    private final FeedSequences sequences;
    private final ShowCalendar calendar;
    private final Changes changes;
    private final ChangeViews views;
    private final DeclaredFreezes declared;
    private final CalendarStates states;
    private final Transactions transactions;
    private final Policy policy;
    private final Clock clock;

    public CalendarFeeds(CalendarSubscriptions subscriptions, FeedSequences sequences, ShowCalendar calendar,
                         Changes changes, ChangeViews views, DeclaredFreezes declared, CalendarStates states,
                         Transactions transactions, Policy policy, Clock clock) {
        this.subscriptions = subscriptions;
        this.sequences = sequences;
        this.calendar = calendar;
        this.changes = changes;
        this.views = views;
        this.declared = declared;
        this.states = states;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    /** A new subscription: the token's text (for the URL, shown once), or why not. */
    public sealed interface Subscribed permits Created, Refused {
    }

    public record Created(String token) implements Subscribed {
    }

    public record Refused(String reason) implements Subscribed {
    }

    public Subscribed subscribe(String workspaceId, String userId, List<String> services) {
        var unknown = services.stream().filter(s -> policy.service(s).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return new Refused(policy.hasServices()
                    ? "Not a service of this policy: " + String.join(", ", unknown) + ". Its services are "
                            + String.join(", ", policy.services().keySet()) + "."
                    : "This policy names no services: subscribe without any.");
        }
        var text = TokenText.generate();
        transactions.inTransaction(() -> {
            subscriptions.add(workspaceId, TokenText.hash(text), List.copyOf(new java.util.LinkedHashSet<>(services)),
                    userId, clock.instant());
            return null;
        });
        return new Created(text);
    }

    /** Revokes every feed URL the person made; how many. */
    public int unsubscribe(String workspaceId, String userId) {
        return transactions.inTransaction(() -> subscriptions.revokeAll(workspaceId, userId, clock.instant()));
    }

    /** Who a token belongs to, without building the feed: empty for an unknown, revoked or malformed one. */
    public Optional<CalendarSubscriptions.Subscription> subscription(String token) {
        if (!TokenText.looksLikeOne(token)) {
            return Optional.empty();
        }
        return transactions.inTransaction(() -> subscriptions.findLive(TokenText.hash(token)));
    }

    /** The feed of a subscription, its changes' sequences raised where they changed since last shown. */
    public CalendarFeed feed(CalendarSubscriptions.Subscription subscription) {
        var now = clock.instant();
        var workspaceId = subscription.workspaceId();
        return transactions.inTransaction(() -> {
            // The open changes are read once; of the others, only those the feed showed before (to tell their end).
            var shown = new ArrayList<Shown>();
            var openNumbers = new HashSet<Long>();
            for (var change : calendar.open(workspaceId)) {
                openNumbers.add(change.id().number());
                var scheduled = ScheduledChanges.of(views.of(change));
                if (scheduled.window().isPresent() && scheduled.holdsItsSlot()) {
                    shown.add(new Shown(change, scheduled));
                }
            }
            var gone = new HashSet<ChangeId>();
            sequences.shownSince(workspaceId, now.minus(Duration.ofDays(365))).stream()
                    .filter(n -> !openNumbers.contains(n)).forEach(n -> gone.add(new ChangeId(n)));
            if (!gone.isEmpty()) {
                for (var change : changes.findAll(workspaceId, gone)) {
                    var scheduled = ScheduledChanges.of(views.of(change));
                    if (scheduled.window().isPresent()
                            && scheduled.window().get().end().isAfter(now.minus(KEPT_AFTER))) {
                        shown.add(new Shown(change, scheduled));
                    }
                }
            }
            var prints = new HashMap<Long, String>();
            shown.forEach(s -> prints.put(s.change().id().number(), FeedStatus.fingerprint(s.scheduled())));
            var sequence = prints.isEmpty() ? java.util.Map.<Long, Integer>of() : sequences.settle(workspaceId, prints, now);
            var feedChanges = new ArrayList<CalendarFeed.Change>();
            for (var s : shown) {
                var services = subscription.services();
                if (!services.isEmpty() && s.scheduled().service().map(x -> !services.contains(x)).orElse(true)) {
                    continue;
                }
                feedChanges.add(new CalendarFeed.Change(s.scheduled(), sequence.getOrDefault(s.change().id().number(), 0),
                        FeedStatus.of(s.change().state()), permalink(s.change()), s.change().requestedAt()));
            }
            feedChanges.sort(java.util.Comparator.comparing(c -> c.change().id().number()));
            return new CalendarFeed(workspaceId, policy.zone(), now.truncatedTo(ChronoUnit.DAYS), feedChanges,
                    rules(subscription), spans(workspaceId, subscription, now));
        });
    }

    private record Shown(Change change, ScheduledChange scheduled) {
    }

    private List<CalendarFeed.Rule> rules(CalendarSubscriptions.Subscription subscription) {
        var rules = new ArrayList<CalendarFeed.Rule>();
        for (var freeze : policy.freezes()) {
            if (freeze.source() instanceof FreezeSource.Scheduled scheduled && covers(subscription, freeze.scope())) {
                rules.add(new CalendarFeed.Rule(freeze.name(), freeze.label(), CalendarFeed.Kind.FREEZE, scheduled.schedule()));
            }
        }
        policy.windows().forEach((name, window) -> {
            if (covers(subscription, policy.windowScope(name))) {
                rules.add(new CalendarFeed.Rule(name, window.label(), CalendarFeed.Kind.WINDOW, window.schedule()));
            }
        });
        return rules;
    }

    private List<CalendarFeed.Span> spans(String workspaceId, CalendarSubscriptions.Subscription subscription,
                                          Instant now) {
        var spans = new ArrayList<CalendarFeed.Span>();
        var horizon = now.truncatedTo(ChronoUnit.DAYS).plus(CalendarFeed.AHEAD);
        for (var d : declared.inForceOrComing(workspaceId, now)) {
            var end = d.endsAt().orElse(horizon);
            if (end.isAfter(d.startsAt())) {
                spans.add(new CalendarFeed.Span("declared-" + d.startsAt().getEpochSecond(), "Freeze: " + d.reason(),
                        CalendarFeed.Kind.FREEZE, new TimeSpan(d.startsAt(), end), d.endsAt().isEmpty(),
                        "Declared by " + d.declaredBy() + ": " + d.reason()));
            }
        }
        var state = states.at(workspaceId, now);
        for (var freeze : policy.freezes()) {
            if (freeze.source() instanceof FreezeSource.ActiveIncidents incidents && covers(subscription, freeze.scope())) {
                for (var severity : incidents.severities()) {
                    for (var span : state.incidentsBySeverity().getOrDefault(severity, List.of())) {
                        var end = span.end().isAfter(horizon) ? horizon : span.end();
                        if (end.isAfter(span.start()) && end.isAfter(now)) {
                            spans.add(new CalendarFeed.Span("incident-" + severity + "-" + span.start().getEpochSecond(),
                                    freeze.label(), CalendarFeed.Kind.FREEZE, new TimeSpan(span.start(), end),
                                    end.equals(horizon), "While the " + severity + " incident is open."));
                        }
                    }
                }
            }
        }
        return spans;
    }

    private static boolean covers(CalendarSubscriptions.Subscription subscription, dev.changebot.domain.policy.RuleScope scope) {
        return subscription.services().isEmpty() || subscription.services().stream()
                .anyMatch(s -> scope.covers(new dev.changebot.domain.policy.DeploymentTarget(Optional.of(s), Optional.empty())));
    }

    private static Optional<String> permalink(Change change) {
        // The same link the evidence pack and the gate API give: Slack redirects it to the message.
        return change.message().map(m -> "https://slack.com/archives/" + m.channelId() + "/p"
                + m.messageTs().replace(".", ""));
    }
}
