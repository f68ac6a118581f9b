package dev.changebot.slack.change;

import dev.changebot.application.ChangeView;
import dev.changebot.application.Notice;
import dev.changebot.application.Notices;
import dev.changebot.application.SoakNotices;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;

/**
 * "Soak complete — production allowed" (or the rollout step now allowed, or nothing left to
 * deploy after the monitoring period), in the change's thread of its channel, through the outbox.
 */
@Singleton
class SlackSoakNotices implements SoakNotices {

    private final Notices notices;

    SlackSoakNotices(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void soakCompleted(ChangeView view, String environment) {
        var change = view.change();
        var next = view.nextDeployment();
        String allowed;
        if (next.isEmpty()) {
            allowed = "nothing left to deploy; mark it Done when you are satisfied.";
        } else if (next.get().percent().isEmpty() && next.get().environment().equals(DeploymentPlan.PRODUCTION)) {
            allowed = "production allowed.";
        } else {
            allowed = Mrkdwn.escape(next.get().label()) + " allowed.";
        }
        var text = ":white_check_mark: *" + change.id() + "*: soak in " + Mrkdwn.escape(environment) + " complete — " + allowed;
        notices.send(new Notice(change.workspaceId(), change.id(), change.originChannelId(), text, true));
    }
}
