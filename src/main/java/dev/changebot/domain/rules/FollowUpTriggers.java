package dev.changebot.domain.rules;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.FollowUp;
import dev.changebot.domain.policy.FollowUpTrigger;
import dev.changebot.domain.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The follow-ups an event starts: a post-mortem after a rollback, daily status updates after the
 * production deployment, a rollback decision each time an issue is reported, a check 30 days after
 * a post-mortem. Those owed at an emergency's declaration are given when it is declared
 * ({@link ChangeRules#obligations}); every other trigger is matched here.
 */
public final class FollowUpTriggers {

    /** A repeat or a second occurrence is named after its follow-up with a number: {@code status-update-2}. */
    private static final Pattern NUMBERED = Pattern.compile("(-[0-9]+)+");

    private FollowUpTriggers() {
    }

    /** What {@code event}, about to be applied to {@code change}, starts: nothing, or the follow-ups now owed. */
    public static Optional<ChangeEvent.FollowUpsOwed> owedAfter(Change change, ChangeEvent event, Policy policy) {
        var changeClass = policy.changeClass(change.changeClass());
        if (changeClass.isEmpty() || event instanceof ChangeEvent.FollowUpsOwed) {
            return Optional.empty();
        }
        boolean emergency = change.isEmergency();
        var severity = change.emergency().flatMap(e -> e.severity());
        var used = new HashSet<String>();
        change.obligations().forEach(o -> used.add(o.name()));
        var owed = new ArrayList<Obligation>();
        var after = new ArrayList<String>();
        for (var followUp : changeClass.get().followUps()) {
            if (emergency ? !followUp.owedAt(severity) : !followUp.severities().isEmpty()) {
                continue;
            }
            var trigger = followUp.triggers(changeClass.get().emergency()).stream()
                    .filter(t -> starts(t, event, change, followUp, changeClass.get().followUps())).findFirst();
            if (trigger.isPresent()) {
                owed.addAll(instances(followUp, event.occurredAt(), policy, used));
                if (!after.contains(trigger.get().key())) {
                    after.add(trigger.get().key());
                }
            }
        }
        if (owed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChangeEvent.FollowUpsOwed(change.id(), Actor.CHANGEBOT.userId(), event.occurredAt(),
                String.join(", ", after), owed));
    }

    /**
     * Whether {@code obligation} is owed under {@code followUp}: the follow-up itself, or one of its
     * numbered repeats or later occurrences ({@code status-update-2}), and not a longer name of the
     * policy that happens to start the same way.
     */
    static boolean isInstanceOf(String obligation, String followUp, List<FollowUp> all) {
        if (obligation.equals(followUp)) {
            return true;
        }
        if (!obligation.startsWith(followUp) || !NUMBERED.matcher(obligation.substring(followUp.length())).matches()) {
            return false;
        }
        return all.stream().map(FollowUp::name).noneMatch(other -> other.length() > followUp.length()
                && isInstanceOf(obligation, other, List.of()));
    }

    private static boolean starts(FollowUpTrigger trigger, ChangeEvent event, Change change, FollowUp followUp,
                                  List<FollowUp> all) {
        return switch (trigger.kind()) {
            // Given at declaration, with the emergency.
            case DECLARED -> false;
            case RESOLVED -> event instanceof ChangeEvent.EmergencyResolved;
            // The deployment that completes the environment (a rollout's last step), once per change.
            case DEPLOYED -> event instanceof ChangeEvent.ChangeDeployed deployed
                    && trigger.subject().map(env -> env.equals(deployed.environment())).orElse(true)
                    && (deployed.percent().isEmpty() || deployed.percent().getAsInt() == 100)
                    && change.obligations().stream().noneMatch(o -> isInstanceOf(o.name(), followUp.name(), all));
            case COMPLETED -> finished(event, ChangeState.COMPLETED);
            case ROLLED_BACK -> finished(event, ChangeState.ROLLED_BACK);
            case FAILED -> finished(event, ChangeState.FAILED);
            case ISSUE_REPORTED -> event instanceof ChangeEvent.IssueReported;
            case SATISFIED -> event instanceof ChangeEvent.ObligationSatisfied satisfied
                    && isInstanceOf(satisfied.obligation(), trigger.subject().orElseThrow(), all);
        };
    }

    private static boolean finished(ChangeEvent event, ChangeState outcome) {
        return event instanceof ChangeEvent.ChangeFinished finished && finished.outcome() == outcome;
    }

    /**
     * The obligations one start of {@code followUp} owes: one, or one per repeat ("daily status
     * updates for 3 days": due 1, 2 and 3 days on), each named uniquely within the change.
     */
    static List<Obligation> instances(FollowUp followUp, Instant startedAt, Policy policy, Set<String> used) {
        var first = followUp.within().earliestStart(startedAt, policy.businessCalendar());
        var instances = new ArrayList<Obligation>();
        for (int i = 1; i <= followUp.repeat(); i++) {
            var dueAt = first.plus(followUp.every().multipliedBy(i - 1L));
            var name = unique(followUp.repeat() == 1 ? followUp.name() : followUp.name() + "-" + i, used);
            var label = followUp.repeat() == 1 ? followUp.label()
                    : followUp.label() + " (" + i + " of " + followUp.repeat() + ")";
            instances.add(Obligation.owed(name, label, dueAt, followUp.roles(), followUp.notDeclarer(), followUp.asks()));
        }
        return instances;
    }

    /** The name itself, or with the next free number when the change already owed it once (a second issue). */
    private static String unique(String name, Set<String> used) {
        var candidate = name;
        for (int n = 2; used.contains(candidate); n++) {
            candidate = name + "-" + n;
        }
        used.add(candidate);
        return candidate;
    }
}
