package dev.changebot.slack.inbound;

import dev.changebot.application.metrics.MonthSoFar;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.changebot.application.query.HomeOverview;
import dev.changebot.application.query.ShowCalendar;
import dev.changebot.domain.schedule.ChangeCalendar;
import dev.changebot.slack.connection.ReaderZones;
import java.util.Optional;
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
    private final ShowCalendar calendar;
    private final ReaderZones zones;

    public AppHome(HomeOverview overview, MonthSoFar monthSoFar, ShowCalendar calendar, ReaderZones zones) {
        this.overview = overview;
        this.monthSoFar = monthSoFar;
        this.calendar = calendar;
        this.zones = zones;
    }

    public Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        if ("home".equals(payload.getEvent().getTab())) {
            publish(ctx.client(), payload.getTeamId(), payload.getEvent().getUser());
        }
        return ctx.ack();
    }

    /** The calendar is a part of the Home: when it cannot be read the rest is still shown. */
    private Optional<ChangeCalendar> nextSevenDays(String teamId, String userId) {
        try {
            var answer = calendar.of(teamId, "7d", Optional.empty(), zones.of(userId));
            return answer instanceof ShowCalendar.Shown shown ? Optional.of(shown.calendar()) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the next 7 days for the App Home of {}", userId, e);
            return Optional.empty();
        }
    }

    public void publish(MethodsClient client, String teamId, String userId) {
        View view;
        try {
            // Only the follow-ups the tab shows are mapped; the rest are counted.
            var home = overview.of(teamId, userId, HomeTab.MAX_CHANGES_PER_LIST, HomeTab.MAX_FOLLOW_UPS);
            view = HomeTab.render(home, monthSoFar.of(teamId), nextSevenDays(teamId, userId));
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
