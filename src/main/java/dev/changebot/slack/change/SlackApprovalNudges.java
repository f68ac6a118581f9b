package dev.changebot.slack.change;

import com.slack.api.methods.MethodsClient;
import dev.changebot.application.ApprovalNudges;
import dev.changebot.application.ChangeView;
import dev.changebot.slack.connection.SlackWebApi;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reminders by direct message to each approver; escalations in the policy's channel or by DM. */
@Singleton
class SlackApprovalNudges implements ApprovalNudges {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApprovalNudges.class);

    private final Optional<MethodsClient> client;

    SlackApprovalNudges(SlackWebApi webApi) {
        this.client = webApi.client();
    }

    @Override
    public void remind(ChangeView view, Set<String> approvers) {
        var text = ":hourglass_flowing_sand: " + describe(view) + " is waiting for your approval. Approve it on its message,"
                + " or with `/change approve " + view.change().id() + "`.";
        approvers.forEach(user -> post(user, text));
    }

    @Override
    public void escalate(ChangeView view, Optional<String> channel, Set<String> people) {
        var text = ":rotating_light: " + describe(view) + " has waited too long for approval; the requester is "
                + Mrkdwn.user(view.change().requesterId()) + ".";
        if (channel.isPresent()) {
            post(channel.get().replaceFirst("^#", ""), text);
        } else {
            people.forEach(user -> post(user, text));
        }
    }

    private static String describe(ChangeView view) {
        var step = view.ladder().current().map(s -> " (" + s.describe() + ")").orElse("");
        return "*" + view.change().id() + "* " + Mrkdwn.escape(view.change().details().title()) + step;
    }

    private void post(String channel, String text) {
        client.ifPresent(slack -> {
            try {
                var response = slack.chatPostMessage(r -> r.channel(channel).text(text));
                if (!response.isOk()) {
                    LOG.warn("Slack refused a nudge to {}: {}", channel, response.getError());
                }
            } catch (Exception e) {
                LOG.warn("Could not send a nudge to {}", channel, e);
            }
        });
    }
}
