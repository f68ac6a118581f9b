package dev.changebot.slack.change;

import dev.changebot.application.ChangeView;
import dev.changebot.application.DeliveryProblems;
import dev.changebot.application.Notice;
import dev.changebot.application.Notices;
import jakarta.inject.Singleton;

/** "Recorded, but I could not post it in #channel": a direct message to the requester, through the outbox. */
@Singleton
class SlackDeliveryProblems implements DeliveryProblems {

    private final Notices notices;

    SlackDeliveryProblems(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void notAnnounced(ChangeView view, String problem) {
        var change = view.change();
        notices.send(Notice.to(change.workspaceId(), change.id(), change.requesterId(), change.id()
                + " is recorded, but I could not post it in <#" + change.originChannelId() + "> (" + problem
                + "). Invite me there with `/invite @Changebot`, or see it with `/change show " + change.id() + "`."));
    }
}
