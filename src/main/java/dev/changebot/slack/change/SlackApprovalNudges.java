package dev.changebot.slack.change;

import dev.changebot.application.ApprovalNudges;
import dev.changebot.application.ChangeView;
import dev.changebot.application.Notice;
import dev.changebot.application.Notices;
import dev.changebot.slack.view.Cut;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/** Reminders by direct message to each approver; escalations in the policy's channel or by DM; all through the outbox. */
@Singleton
class SlackApprovalNudges implements ApprovalNudges {

    /** An emergency's title is its whole summary: a reminder names it, the message shows it all. */
    private static final int MAX_TITLE = 300;

    private final Notices notices;

    SlackApprovalNudges(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void remind(ChangeView view, Set<String> approvers) {
        var text = ":hourglass_flowing_sand: " + describe(view) + " is waiting for your approval. Approve it on its message,"
                + " or with `/change approve " + view.change().id() + "`.";
        approvers.forEach(user -> send(view, user, text));
    }

    @Override
    public void escalate(ChangeView view, Optional<String> channel, Set<String> people) {
        var text = ":rotating_light: " + describe(view) + " has waited too long for approval; the requester is "
                + Mrkdwn.user(view.change().requesterId()) + ".";
        if (channel.isPresent()) {
            send(view, channel.get().replaceFirst("^#", ""), text);
        } else {
            people.forEach(user -> send(view, user, text));
        }
    }

    private static String describe(ChangeView view) {
        var step = view.ladder().current().map(s -> " (" + s.describe() + ")").orElse("");
        return "*" + view.change().id() + "* " + Cut.userText(view.change().details().title(), MAX_TITLE) + step;
    }

    private void send(ChangeView view, String recipient, String text) {
        notices.send(Notice.to(view.change().workspaceId(), view.change().id(), recipient, text));
    }
}
