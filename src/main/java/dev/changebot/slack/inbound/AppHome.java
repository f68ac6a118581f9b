package dev.changebot.slack.inbound;

import dev.changebot.application.metrics.MonthSoFar;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.changebot.application.query.HomeOverview;
import dev.changebot.slack.view.HomeTab;
import dev.changebot.slack.view.HomeUnavailable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a person's App Home when they open it, and again after they act from it. */
@Singleton
public class AppHome {

    private static final Logger LOG = LoggerFactory.getLogger(AppHome.class);

    private final HomeOverview overview;
    private final MonthSoFar monthSoFar;

    public AppHome(HomeOverview overview, MonthSoFar monthSoFar) {
        this.overview = overview;
        this.monthSoFar = monthSoFar;
    }

    public Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        if ("home".equals(payload.getEvent().getTab())) {
            publish(ctx.client(), payload.getTeamId(), payload.getEvent().getUser());
        }
        return ctx.ack();
    }

    public void publish(MethodsClient client, String teamId, String userId) {
        View view;
        try {
            view = HomeTab.render(overview.of(teamId, userId, HomeTab.MAX_CHANGES_PER_LIST), monthSoFar.of(teamId));
        } catch (RuntimeException e) {
            // The person is looking at the tab: say why it is not up to date rather than leave it as it was.
            LOG.error("Could not read the App Home of {}", userId, e);
            view = HomeUnavailable.render();
        }
        try {
            var shown = view;
            var response = client.viewsPublish(r -> r.userId(userId).view(shown));
            if (!response.isOk()) {
                LOG.warn("Slack refused the App Home of {}: {}", userId, response.getError());
            }
        } catch (Exception e) {
            LOG.warn("Could not publish the App Home of {}", userId, e);
        }
    }
}
