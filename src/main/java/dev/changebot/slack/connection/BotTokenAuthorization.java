package dev.changebot.slack.connection;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * Single-workspace authorization that never calls Slack on the request path. Bolt's own asks
 * Slack's {@code auth.test} before it serves its first request and again every few seconds after:
 * until Slack answers, every request (even {@code /change help}) fails with HTTP 500, and a blip of
 * Slack's API becomes an error for whoever clicked. A request reaching us is already proven to
 * come from our Slack app by its signature, and the bot token is ours: the listeners get that
 * token, and whether Slack accepts it is reported by /health (SlackConnectionCheck).
 */
final class BotTokenAuthorization implements Middleware {

    private final String botToken;

    BotTokenAuthorization(String botToken) {
        this.botToken = botToken;
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        if (!MiddlewareOps.isNoAuthRequiredRequest(request.getRequestType())) {
            request.getContext().setBotToken(botToken);
        }
        return chain.next(request);
    }
}
