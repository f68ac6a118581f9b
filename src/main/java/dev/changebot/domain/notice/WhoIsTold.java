package dev.changebot.domain.notice;

import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.Reminders;
import dev.changebot.domain.approval.StageApprovals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told what, outside a change's own message: soak ends, approval reminders and escalations,
 * follow-up reminders and missed deadlines, a message that could not be posted. {@code members}
 * maps each role the rule may need to the people holding it, looked up beforehand: the directory
 * may have to ask the chat platform, and no lock should wait on that.
 */
public final class WhoIsTold {

    private WhoIsTold() {
    }

    /**
     * Who is told because of a recorded event, about {@code change} as it is after it: a soak's end
     * (with what the plan allows next) in the change's thread; a missed follow-up as for
     * {@link #followUpOverdue}. Nobody, for the other events: the change's message tells them.
     */
    public static List<Notice> after(Change change, ChangeEvent event, Policy policy, Map<String, Set<String>> members) {
        if (event instanceof ChangeEvent.ChangeSoakCompleted soaked) {
            var next = change.isEmergency() ? Optional.<DeploymentPlan.NextDeployment>empty()
                    : policy.changeClass(change.changeClass()).map(DeploymentPlan::of)
                            .flatMap(plan -> plan.next(change.stagesPassed(), change.rolloutPercent()));
            var awaiting = next.map(n -> StageApprovals.missingBefore(policy, change, n.environment(), n.percent()))
                    .orElse(List.of()).stream().map(s -> s.approval().step()).toList();
            return List.of(notice(change, new Recipient.ChangeThread(change.originChannelId()),
                    new NoticeFacts.SoakCompleted(soaked.environment(), next, awaiting)));
        }
        if (event instanceof ChangeEvent.FollowUpsOwed owed) {
            return followUpsOwed(change, owed);
        }
        if (event instanceof ChangeEvent.IssueReported issue) {
            return List.of(notice(change, new Recipient.ChangeThread(change.originChannelId()),
                    new NoticeFacts.IssueReported(title(change), issue.actorId(), issue.summary())));
        }
        if (event instanceof ChangeEvent.ObligationOverdue overdue) {
            return change.obligations().stream().filter(o -> o.name().equals(overdue.obligation())).findFirst()
                    .map(o -> followUpOverdue(change, o, policy.reminders(), members)).orElse(List.of());
        }
        return List.of();
    }

    /**
     * The change's thread, where its people follow it: what it owes now and by when. Not for the
     * follow-ups owed at an emergency's declaration, which its announcement lists.
     */
    public static List<Notice> followUpsOwed(Change change, ChangeEvent.FollowUpsOwed owed) {
        var lines = owed.owed().stream().map(o -> new NoticeFacts.OwedLine(o.name(), o.label(), o.dueAt())).toList();
        return List.of(notice(change, new Recipient.ChangeThread(change.originChannelId()),
                new NoticeFacts.FollowUpsOwed(title(change), owed.after(), lines)));
    }

    /** The change's thread, where its people follow the rollout. */
    public static List<Notice> soakCompleted(Change change, String environment,
                                             Optional<DeploymentPlan.NextDeployment> next) {
        return List.of(notice(change, new Recipient.ChangeThread(change.originChannelId()),
                new NoticeFacts.SoakCompleted(environment, next)));
    }

    /** Each holder of the open step's roles, privately, but not the requester nor who approved the step already. */
    public static List<Notice> approvalReminder(Change change, ChainProgress.StepStatus step,
                                                Map<String, Set<String>> members) {
        var approvers = holders(step.step().roles(), members);
        approvers.remove(change.requesterId());
        step.approvals().forEach(approval -> approvers.remove(approval.approverId()));
        return toEach(change, approvers, new NoticeFacts.ApprovalReminder(title(change), step.describe()));
    }

    /** The policy's escalation channel when it names one, else each holder of its escalation role, privately. */
    public static List<Notice> approvalEscalation(Change change, ChainProgress.StepStatus step, Reminders reminders,
                                                  Map<String, Set<String>> members) {
        var facts = new NoticeFacts.ApprovalEscalation(title(change), step.describe(), change.requesterId());
        return escalated(change, reminders, holders(reminders.escalateTo().stream().toList(), members), facts);
    }

    /** Those who owe the follow-up, privately; when nobody does by name, the incident channel. */
    public static List<Notice> followUpReminder(Change change, Obligation followUp, Map<String, Set<String>> members) {
        var facts = new NoticeFacts.FollowUpReminder(title(change), followUp.name(), followUp.label(), followUp.dueAt());
        var owing = whoOwes(change, followUp, members);
        if (owing.isEmpty()) {
            // Anyone (but the declarer) may answer it: the incident channel is where they are.
            return List.of(notice(change, new Recipient.Channel(change.originChannelId()), facts));
        }
        return toEach(change, owing, facts);
    }

    /**
     * The incident channel, always; then the policy's escalation channel when it names one, else
     * those who owe the follow-up and the holders of the escalation role, privately.
     */
    public static List<Notice> followUpOverdue(Change change, Obligation followUp, Reminders reminders,
                                               Map<String, Set<String>> members) {
        var facts = new NoticeFacts.FollowUpOverdue(title(change), followUp.name(), followUp.label(), followUp.dueAt());
        var people = whoOwes(change, followUp, members);
        people.addAll(holders(reminders.escalateTo().stream().toList(), members));
        var notices = new ArrayList<Notice>();
        notices.add(notice(change, new Recipient.Channel(change.originChannelId()), facts));
        notices.addAll(escalated(change, reminders, people, facts));
        return notices;
    }

    /** The requester, privately: they asked for the change and would otherwise think it was posted. */
    public static List<Notice> changeNotPosted(Change change, String problem) {
        return List.of(notice(change, new Recipient.Person(change.requesterId()),
                new NoticeFacts.ChangeNotPosted(change.originChannelId(), problem)));
    }

    /**
     * The holders of the follow-up's roles. When the declarer may not answer it, neither they nor
     * the incident commander is asked; otherwise the commander (or a change's requester),
     * accountable for it, is asked too.
     */
    private static Set<String> whoOwes(Change change, Obligation followUp, Map<String, Set<String>> members) {
        var people = holders(followUp.roles(), members);
        if (followUp.notDeclarer()) {
            people.remove(change.requesterId());
            change.incidentCommander().ifPresent(people::remove);
        } else {
            // Accountable for it: the emergency's commander, or the change's requester.
            people.add(change.incidentCommander().orElse(change.requesterId()));
        }
        return people;
    }

    private static List<Notice> escalated(Change change, Reminders reminders, Set<String> people, NoticeFacts facts) {
        // Policies name the channel as people write it, "#deployments".
        return reminders.escalationChannel()
                .map(channel -> List.of(notice(change, new Recipient.Channel(channel.replaceFirst("^#", "")), facts)))
                .orElseGet(() -> toEach(change, people, facts));
    }

    private static Set<String> holders(Collection<String> roles, Map<String, Set<String>> members) {
        var people = new LinkedHashSet<String>();
        roles.forEach(role -> people.addAll(members.getOrDefault(role, Set.of())));
        return people;
    }

    private static List<Notice> toEach(Change change, Set<String> people, NoticeFacts facts) {
        return people.stream().map(person -> notice(change, new Recipient.Person(person), facts)).toList();
    }

    private static String title(Change change) {
        return change.details().title();
    }

    private static Notice notice(Change change, Recipient recipient, NoticeFacts facts) {
        return new Notice(change.workspaceId(), change.id(), recipient, facts);
    }
}
