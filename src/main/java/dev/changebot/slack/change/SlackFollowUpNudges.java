package dev.changebot.slack.change;

import dev.changebot.application.ChangeView;
import dev.changebot.application.FollowUpNudges;
import dev.changebot.application.Notice;
import dev.changebot.application.Notices;
import dev.changebot.domain.change.Obligation;
import dev.changebot.slack.view.Cut;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * Follow-up reminders by DM; a missed deadline in the escalation channel (or by DM) and in the
 * change's channel; all through the outbox.
 */
@Singleton
class SlackFollowUpNudges implements FollowUpNudges {

    /** An emergency's title is its whole summary: a reminder names it, the message shows it all. */
    private static final int MAX_TITLE = 300;

    private final Notices notices;

    SlackFollowUpNudges(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void remind(ChangeView view, Obligation obligation, Set<String> people) {
        var text = ":alarm_clock: " + what(view, obligation) + " is due " + Mrkdwn.time(obligation.dueAt())
                + ". Satisfy it from the change's message or with `/change satisfy " + view.change().id() + " "
                + obligation.name() + "`.";
        if (people.isEmpty()) {
            // Anyone but the declarer may answer: the incident channel is where they are.
            send(view, view.change().originChannelId(), text);
        }
        people.forEach(user -> send(view, user, text));
    }

    @Override
    public void overdue(ChangeView view, Obligation obligation, Optional<String> channel, Set<String> people) {
        var text = ":rotating_light: " + what(view, obligation) + " is overdue: it was due " + Mrkdwn.time(obligation.dueAt())
                + ". It stays open until someone satisfies it.";
        send(view, view.change().originChannelId(), text);
        if (channel.isPresent()) {
            send(view, channel.get().replaceFirst("^#", ""), text);
        } else {
            people.forEach(user -> send(view, user, text));
        }
    }

    private static String what(ChangeView view, Obligation obligation) {
        return "*" + Mrkdwn.escape(obligation.label()) + "* for emergency *" + view.change().id() + "* "
                + Cut.userText(view.change().details().title(), MAX_TITLE);
    }

    private void send(ChangeView view, String recipient, String text) {
        notices.send(Notice.to(view.change().workspaceId(), view.change().id(), recipient, text));
    }
}
