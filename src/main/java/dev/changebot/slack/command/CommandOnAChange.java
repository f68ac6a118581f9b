package dev.changebot.slack.command;

import dev.changebot.application.change.ActionOutcome;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.slack.inbound.Replies;
import dev.changebot.slack.view.Mrkdwn;
import java.util.Optional;

/**
 * A `/change` subcommand that acts on one change, as the domain command it stands for, and the
 * answer its outcome gets. Subcommands that open a form (start, satisfy) or ask a question are not here.
 */
record CommandOnAChange(ChangeId id, ChangeCommand command) {

    static Optional<CommandOnAChange> of(SlashCommand typed) {
        if (typed instanceof SlashCommand.Approve approve) {
            return Optional.of(new CommandOnAChange(approve.id(), new ChangeCommand.Approve(ApprovalVia.COMMAND,
                    approve.rollback())));
        }
        if (typed instanceof SlashCommand.Reject reject) {
            return Optional.of(new CommandOnAChange(reject.id(), new ChangeCommand.Reject(reject.reason(), ApprovalVia.COMMAND)));
        }
        if (typed instanceof SlashCommand.Cancel cancel) {
            return Optional.of(new CommandOnAChange(cancel.id(), new ChangeCommand.Cancel()));
        }
        if (typed instanceof SlashCommand.Resolve resolve) {
            return Optional.of(new CommandOnAChange(resolve.id(), new ChangeCommand.Resolve()));
        }
        if (typed instanceof SlashCommand.Deployed deployed) {
            return Optional.of(new CommandOnAChange(deployed.id(),
                    new ChangeCommand.ReportDeployment(deployed.environment(), deployed.percent())));
        }
        if (typed instanceof SlashCommand.ReportIssue issue) {
            return Optional.of(new CommandOnAChange(issue.id(), new ChangeCommand.ReportIssue(issue.summary())));
        }
        if (typed instanceof SlashCommand.Finished finished) {
            return Optional.of(new CommandOnAChange(finished.id(), new ChangeCommand.Finish(finished.outcome())));
        }
        return Optional.empty();
    }

    /** The private answer: what happened, or why not. */
    String answer(ActionOutcome outcome) {
        if (command instanceof ChangeCommand.ReportDeployment || command instanceof ChangeCommand.Finish) {
            return Replies.ofWork(id, outcome);
        }
        if (command instanceof ChangeCommand.ReportIssue) {
            return Replies.ofIssue(id, outcome);
        }
        var done = command instanceof ChangeCommand.Approve ? "approved"
                : command instanceof ChangeCommand.Reject ? "rejected"
                : command instanceof ChangeCommand.Cancel ? "cancelled" : "resolved";
        return Replies.of(outcome, "You " + done + " " + id + stageOf(outcome) + ".");
    }

    /** ": Manual QA approval before production", for an approval given during the deployment. */
    private static String stageOf(ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.Done done) {
            return done.events().stream().filter(e -> e instanceof ChangeEvent.StageApproved)
                    .map(e -> (ChangeEvent.StageApproved) e)
                    .map(approved -> ": " + Mrkdwn.escape(approved.step() + " before " + approved.before())).findFirst()
                    .orElse("");
        }
        return "";
    }
}
