package dev.changebot.slack.change;

import com.slack.api.methods.MethodsClient;
import dev.changebot.application.ChangeView;
import dev.changebot.application.SoakNotices;
import dev.changebot.slack.connection.SlackWebApi;
import dev.changebot.slack.view.Mrkdwn;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Soak complete — production allowed", in the change's thread of its channel. */
@Singleton
class SlackSoakNotices implements SoakNotices {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSoakNotices.class);

    private final Optional<MethodsClient> client;

    SlackSoakNotices(SlackWebApi webApi) {
        this.client = webApi.client();
    }

    @Override
    public void soakCompleted(ChangeView view, String environment) {
        var change = view.change();
        var text = ":white_check_mark: *" + change.id() + "*: soak in " + Mrkdwn.escape(environment)
                + " complete — " + (environment.startsWith("production") ? "the next step is allowed." : "production allowed.");
        client.ifPresent(slack -> {
            try {
                var response = slack.chatPostMessage(r -> r.channel(change.originChannelId()).text(text)
                        .threadTs(change.message().map(m -> m.messageTs()).orElse(null)));
                if (!response.isOk()) {
                    LOG.warn("Slack refused the soak notice of {}: {}", change.id(), response.getError());
                }
            } catch (Exception e) {
                LOG.warn("Could not post the soak notice of {}", change.id(), e);
            }
        });
    }
}
