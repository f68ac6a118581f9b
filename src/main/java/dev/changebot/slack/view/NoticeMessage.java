package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.NoticeFacts;
import dev.changebot.domain.policy.DeploymentPlan;
import java.util.List;
import java.util.Optional;

/**
 * A notice as a Slack message, written when it is delivered: a pure function of its facts, tested
 * without Slack. What people typed is escaped; the text and its one section stay within Slack's limits.
 */
public final class NoticeMessage {

    /** An emergency's title is its whole summary: a notice names it, the change's message shows it all. */
    static final int MAX_TITLE = 300;
    /** Follow-ups listed in one "now owes" notice; the change's message lists them all. */
    static final int MAX_OWED_LINES = 10;

    private NoticeMessage() {
    }

    /** The message's text, which is also what notifications show. */
    public static String text(Notice notice) {
        return Cut.mrkdwn(written(notice), SlackLimits.MESSAGE_TEXT);
    }

    /** The same text as one section block. */
    public static List<LayoutBlock> blocks(Notice notice) {
        var text = Cut.mrkdwn(written(notice), SlackLimits.SECTION_TEXT);
        var section = section(s -> s.text(markdownText(text)));
        if (notice.facts() instanceof NoticeFacts.IncidentFreeze freeze) {
            return List.of(section, IncidentNoticeText.causeButton(freeze));
        }
        return List.of(section);
    }

    private static String written(Notice notice) {
        var facts = notice.facts();
        if (facts instanceof NoticeFacts.UnauthorizedDeployment deployment) {
            return unauthorized(notice.changeId(), deployment);
        }
        if (facts instanceof NoticeFacts.IncidentFreeze freeze) {
            return IncidentNoticeText.freeze(freeze);
        }
        if (facts instanceof NoticeFacts.IncidentThaw thaw) {
            return IncidentNoticeText.thaw(thaw);
        }
        // Every other kind is about a change.
        var id = notice.changeId().orElseThrow();
        if (facts instanceof NoticeFacts.PlannedOver over) {
            return ConflictNoticeText.plannedOver(over);
        }
        if (facts instanceof NoticeFacts.PlannedOverOthers others) {
            return ConflictNoticeText.plannedOverOthers(id, others);
        }
        if (facts instanceof NoticeFacts.SoakCompleted soak) {
            return ":white_check_mark: *" + id + "*: soak in " + Mrkdwn.escape(soak.environment()) + " complete — "
                    + allowed(soak);
        }
        if (facts instanceof NoticeFacts.ApprovalReminder reminder) {
            return ":hourglass_flowing_sand: " + waiting(id, reminder.title(), reminder.step())
                    + " is waiting for your approval. Approve it on its message, or with `/change approve " + id + "`.";
        }
        if (facts instanceof NoticeFacts.ApprovalEscalation escalation) {
            return ":rotating_light: " + waiting(id, escalation.title(), escalation.step())
                    + " has waited too long for approval; the requester is " + Mrkdwn.user(escalation.requesterId()) + ".";
        }
        if (facts instanceof NoticeFacts.FollowUpReminder reminder) {
            return ":alarm_clock: " + followUp(id, reminder.label(), reminder.title()) + " is due " + Mrkdwn.time(reminder.dueAt())
                    + ". Satisfy it from the change's message or with `/change satisfy " + id + " " + reminder.followUp()
                    + "`.";
        }
        if (facts instanceof NoticeFacts.IssueReported issue) {
            return ":warning: " + Mrkdwn.user(issue.reporterId()) + " reported an issue with *" + id + "*: "
                    + Cut.userText(issue.summary(), MAX_TITLE);
        }
        if (facts instanceof NoticeFacts.FollowUpsOwed owed) {
            var text = new StringBuilder(":clipboard: *" + id + "* now owes (" + Mrkdwn.escape(owed.after().replace('_', ' '))
                    + "):");
            owed.owed().stream().limit(MAX_OWED_LINES).forEach(o -> text.append("\n• ").append(Cut.userText(o.label(), MAX_TITLE))
                    .append(" — due ").append(Mrkdwn.time(o.dueAt())).append(" (`/change satisfy ").append(id).append(' ')
                    .append(Mrkdwn.escape(o.followUp())).append("`)"));
            if (owed.owed().size() > MAX_OWED_LINES) {
                text.append("\n…and ").append(owed.owed().size() - MAX_OWED_LINES).append(" more, on the change's message.");
            }
            return text.toString();
        }
        if (facts instanceof NoticeFacts.FollowUpOverdue overdue) {
            return ":rotating_light: " + followUp(id, overdue.label(), overdue.title()) + " is overdue: it was due "
                    + Mrkdwn.time(overdue.dueAt()) + ". It stays open until someone satisfies it.";
        }
        var notPosted = (NoticeFacts.ChangeNotPosted) facts;
        return id + " is recorded, but I could not post it in <#" + notPosted.channelId() + "> (" + notPosted.problem()
                + "). Invite me there with `/invite @Changebot`, or see it with `/change show " + id + "`.";
    }

    /**
     * ":rotating_light: *Unauthorized deployment* to payments in production at …, reported by ci-deploy
     * (version 1.4.2, <run>): CHG-4 is waiting for approval." The escalation channel reads it.
     */
    private static String unauthorized(Optional<ChangeId> id, NoticeFacts.UnauthorizedDeployment deployment) {
        var text = new StringBuilder(":rotating_light: *Unauthorized deployment* to ")
                .append(Mrkdwn.escape(deployment.where())).append(' ').append(Mrkdwn.time(deployment.at()))
                .append(", reported by ").append(Mrkdwn.escape(deployment.reportedBy()));
        deployment.version().ifPresent(version -> text.append(", version ").append(Cut.userText(version, 80)));
        deployment.pipelineUrl().filter(Mrkdwn::isWebLink)
                .ifPresent(url -> text.append(" (<").append(url).append("|pipeline run>)"));
        text.append(": ").append(Cut.userText(deployment.why(), MAX_TITLE));
        if (!deployment.why().endsWith(".")) {
            text.append('.');
        }
        text.append(id.map(c -> " See `/change show " + c + "`.").orElse(""))
                .append(" It is kept as an exception in the audit trail and the evidence pack.");
        return text.toString();
    }

    /** "production allowed.", "production 25% allowed.", or that nothing is left. */
    private static String allowed(NoticeFacts.SoakCompleted soak) {
        if (soak.next().isEmpty()) {
            return "nothing left to deploy; mark it Done when you are satisfied.";
        }
        var next = soak.next().get();
        if (!soak.awaiting().isEmpty()) {
            // The policy asks an approval before the next stage (QA's before production): not allowed yet.
            return Mrkdwn.escape(next.label()) + " next, once " + Mrkdwn.escape(String.join(" and ", soak.awaiting()))
                    + " is given.";
        }
        if (next.percent().isEmpty() && next.environment().equals(DeploymentPlan.PRODUCTION)) {
            return "production allowed.";
        }
        return Mrkdwn.escape(next.label()) + " allowed.";
    }

    /** "*CHG-3* Upgrade payments (step 1 (Backend Lead review))". */
    private static String waiting(ChangeId id, String title, String step) {
        return "*" + id + "* " + Cut.userText(title, MAX_TITLE) + " (" + step + ")";
    }

    /** "*Retrospective* for *CHG-3* Roll back the payments config". */
    private static String followUp(ChangeId id, String label, String title) {
        return "*" + Mrkdwn.escape(label) + "* for *" + id + "* " + Cut.userText(title, MAX_TITLE);
    }
}
