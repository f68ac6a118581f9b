package dev.changebot.slack.connection;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.RequestBudget;
import java.time.Duration;

/**
 * The Bolt app, giving every Slack request it runs (over HTTP or Socket Mode) one budget for its
 * database work ({@link RequestBudget}). The budget is well under Slack's 3 seconds so that, when
 * the database is away or frozen, there is still time to tell the person so in words and to post
 * that to Slack. It starts after Bolt's own checks (signature, the bot's identity: Slack's time and
 * CPU, not the database's), right before our listener runs. The middleware is added when Bolt
 * starts, not here: adding one builds Bolt's default middleware, which calls Slack, and start-up
 * must not depend on Slack.
 */
class BudgetedApp extends App {

    private final Duration databaseBudget;
    private volatile boolean budgetInstalled;

    BudgetedApp(AppConfig config, Duration databaseBudget) {
        super(config);
        this.databaseBudget = databaseBudget;
    }

    @Override
    public synchronized App start() {
        super.start();
        if (!budgetInstalled) {
            use((request, response, chain) -> {
                try (var budget = RequestBudget.start(databaseBudget)) {
                    return chain.next(request);
                }
            });
            budgetInstalled = true;
        }
        return this;
    }

    /** Starts here, under this app's lock, so no request reads the middleware list while it grows. */
    @Override
    public Response run(Request request) throws Exception {
        if (!budgetInstalled) {
            start();
        }
        return super.run(request);
    }
}
