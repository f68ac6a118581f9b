package dev.changebot.slack.inbound;

import dev.changebot.application.change.ActionOutcome;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.view.Mrkdwn;

/** The words we answer with, shared by buttons, modals and slash commands. */
public final class Replies {

    /** Said when the database or Slack failed under us: nothing was lost, and trying again is safe. */
    public static final String TRY_AGAIN = "Changebot could not finish that just now: its database did not answer. "
            + "Nothing was changed. Please try again in a minute.";

    private Replies() {
    }

    /** What to tell the person who acted; {@code done} is the sentence for success. */
    public static String of(ActionOutcome outcome, String done) {
        if (outcome instanceof ActionOutcome.Refused refused) {
            return refused.reason();
        }
        if (outcome instanceof ActionOutcome.NotFound notFound) {
            return notFound(notFound.id().toString());
        }
        return done;
    }

    /**
     * What to tell whoever reported a deployment or the end of the work: where the change is now
     * (deployed, soaking until when, done...), or why not. Escaped: the rules' words may quote an
     * environment of the policy file.
     */
    public static String ofWork(ChangeId id, ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.NotFound notFound) {
            return notFound(notFound.id().toString());
        }
        if (!(outcome instanceof ActionOutcome.Done done)) {
            return Mrkdwn.escape(of(outcome, ""));
        }
        // The fact comes last: a rollback recorded without its approval is preceded by the note saying so.
        var event = done.events().get(done.events().size() - 1);
        if (event instanceof ChangeEvent.ChangeDeployed deployed) {
            return Mrkdwn.escape(deployed.soakUntil() == null ? id + " is deployed to " + deployed.environment() + "."
                    : id + " is soaking in " + deployed.label() + " until " + deployed.soakUntil() + ".");
        }
        var reply = new StringBuilder(id + " is " + ((ChangeEvent.ChangeFinished) event).outcome().label() + ".");
        done.events().stream().filter(e -> e instanceof ChangeEvent.StageApprovalSkipped)
                .map(e -> (ChangeEvent.StageApprovalSkipped) e)
                .forEach(skipped -> reply.append(" Recorded without ").append(skipped.step()).append(" (missing: ")
                        .append(String.join(", ", skipped.missing())).append("); the audit trail notes it."));
        return Mrkdwn.escape(reply.toString());
    }

    /** What to tell whoever reported an issue: recorded, and what the change owes because of it. */
    public static String ofIssue(ChangeId id, ActionOutcome outcome) {
        if (!(outcome instanceof ActionOutcome.Done done)) {
            return outcome instanceof ActionOutcome.NotFound ? notFound(id.toString()) : Mrkdwn.escape(of(outcome, ""));
        }
        var owed = done.notices().stream().map(dev.changebot.domain.notice.Notice::facts)
                .filter(f -> f instanceof dev.changebot.domain.notice.NoticeFacts.FollowUpsOwed)
                .map(f -> (dev.changebot.domain.notice.NoticeFacts.FollowUpsOwed) f)
                .flatMap(f -> f.owed().stream())
                .map(o -> Mrkdwn.escape(o.label()) + " (due " + Mrkdwn.time(o.dueAt()) + ")").toList();
        return "Recorded the issue on " + id + " (in its thread and audit trail)."
                + (owed.isEmpty() ? "" : " The policy now asks for: " + String.join("; ", owed) + ".");
    }

    public static String notFound(String id) {
        return "There is no " + id + " here. `/change list` shows the open changes.";
    }
}
