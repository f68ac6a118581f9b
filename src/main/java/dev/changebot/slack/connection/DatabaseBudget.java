package dev.changebot.slack.connection;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.RequestBudget;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Gives every Slack request, over HTTP or Socket Mode, one budget for its database work
 * ({@link RequestBudget}). It is well under Slack's 3 seconds so that, when the database is away or
 * frozen, there is still time to tell the person so in words, and to post that to Slack.
 */
@Singleton
class DatabaseBudget implements Middleware {

    private final Duration length;

    DatabaseBudget(@Value("${changebot.slack.database-budget:1800ms}") Duration length) {
        this.length = length;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        try (var budget = RequestBudget.start(length)) {
            return chain.next(req);
        }
    }
}
