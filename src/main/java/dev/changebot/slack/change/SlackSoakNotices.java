package dev.changebot.slack.change;

import dev.changebot.application.ChangeView;
import dev.changebot.application.Notice;
import dev.changebot.application.Notices;
import dev.changebot.application.SoakNotices;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;

/** "Soak complete — production allowed", in the change's thread of its channel, through the outbox. */
@Singleton
class SlackSoakNotices implements SoakNotices {

    private final Notices notices;

    SlackSoakNotices(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void soakCompleted(ChangeView view, String environment) {
        var change = view.change();
        var text = ":white_check_mark: *" + change.id() + "*: soak in " + Mrkdwn.escape(environment)
                + " complete — " + (environment.startsWith("production") ? "the next step is allowed." : "production allowed.");
        notices.send(new Notice(change.workspaceId(), change.id(), change.originChannelId(), text, true));
    }
}
