package dev.changebot.slack.change;

import com.slack.api.methods.MethodsClient;
import dev.changebot.application.ChangeView;
import dev.changebot.application.FollowUpNudges;
import dev.changebot.domain.change.Obligation;
import dev.changebot.slack.connection.SlackWebApi;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Follow-up reminders by DM; a missed deadline in the escalation channel (or by DM) and in the change's channel. */
@Singleton
class SlackFollowUpNudges implements FollowUpNudges {

    private static final Logger LOG = LoggerFactory.getLogger(SlackFollowUpNudges.class);

    private final Optional<MethodsClient> client;

    SlackFollowUpNudges(SlackWebApi webApi) {
        this.client = webApi.client();
    }

    @Override
    public void remind(ChangeView view, Obligation obligation, Set<String> people) {
        var text = ":alarm_clock: " + what(view, obligation) + " is due " + Mrkdwn.time(obligation.dueAt())
                + ". Satisfy it from the change's message or with `/change satisfy " + view.change().id() + " "
                + obligation.name() + "`.";
        if (people.isEmpty()) {
            // Anyone but the declarer may answer: the incident channel is where they are.
            post(view.change().originChannelId(), text);
        }
        people.forEach(user -> post(user, text));
    }

    @Override
    public void overdue(ChangeView view, Obligation obligation, Optional<String> channel, Set<String> people) {
        var text = ":rotating_light: " + what(view, obligation) + " is overdue: it was due " + Mrkdwn.time(obligation.dueAt())
                + ". It stays open until someone satisfies it.";
        post(view.change().originChannelId(), text);
        if (channel.isPresent()) {
            post(channel.get().replaceFirst("^#", ""), text);
        } else {
            people.forEach(user -> post(user, text));
        }
    }

    private static String what(ChangeView view, Obligation obligation) {
        return "*" + Mrkdwn.escape(obligation.label()) + "* for emergency *" + view.change().id() + "* "
                + Mrkdwn.escape(view.change().details().title());
    }

    private void post(String channel, String text) {
        client.ifPresent(slack -> {
            try {
                var response = slack.chatPostMessage(r -> r.channel(channel).text(text));
                if (!response.isOk()) {
                    LOG.warn("Slack refused a follow-up nudge to {}: {}", channel, response.getError());
                }
            } catch (Exception e) {
                LOG.warn("Could not send a follow-up nudge to {}", channel, e);
            }
        });
    }
}
