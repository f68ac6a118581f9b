package dev.changebot.slack.connection;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import dev.changebot.application.request.RequestBudget;
import dev.changebot.slack.metrics.SlackAckTimers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Bolt app as Changebot runs it, over HTTP or Socket Mode, with these departures from Bolt's
 * defaults (the signature is checked once, in front of Bolt, see {@link #buildDefaultMiddlewareList}):
 * <ul>
 *   <li>authorization never calls Slack ({@link BotTokenAuthorization}), so neither start-up nor
 *       a request depends on Slack's API answering;</li>
 *   <li>every request gets one budget for its database work ({@link RequestBudget}), well under
 *       Slack's 3 seconds, so that when the database is away or frozen there is still time to tell
 *       the person so in words. It starts after Bolt's own checks, right before our listener;</li>
 *   <li>Socket Mode requests are timed into the ack timers ({@link SocketModeAckTiming}).</li>
 * </ul>
 */
class ChangebotBoltApp extends App {

    private final String botToken;

    ChangebotBoltApp(AppConfig config, Duration databaseBudget, SlackAckTimers ackTimers) {
        super(config);
        this.botToken = config.getSingleTeamBotToken();
        use(new SocketModeAckTiming(ackTimers));
        use((request, response, chain) -> {
            try (var budget = RequestBudget.start(databaseBudget)) {
                return chain.next(request);
            }
        });
    }

    /**
     * Bolt's list, with our authorization in the place of its auth.test-based one, and without its
     * signature check: over HTTP the one way in is SlackEventsController, whose SlackSignatureCheck
     * is stricter (both directions of the 5-minute window, constant-time, one signature header), and
     * Socket Mode requests carry no signature. Checking the HMAC twice only cost time on the ack path.
     */
    @Override
    protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
        var middleware = new ArrayList<Middleware>();
        if (config.isSslCheckEnabled()) {
            middleware.add(new SSLCheck(config.getVerificationToken()));
        }
        middleware.add(new BotTokenAuthorization(botToken));
        if (config.isIgnoringSelfEventsEnabled()) {
            middleware.add(new IgnoringSelfEvents(config.getSlack().getConfig()));
        }
        return middleware;
    }
}
