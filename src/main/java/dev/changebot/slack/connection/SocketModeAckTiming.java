package dev.changebot.slack.connection;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.changebot.slack.metrics.AckKind;
import dev.changebot.slack.metrics.SlackAckTimers;

/**
 * Times a Socket Mode request's ack into the same timers as HTTP mode's (a node runs one mode or the
 * other). Over HTTP the controller times from the request's arrival, before Bolt, so this leaves HTTP
 * requests alone rather than count them twice.
 */
final class SocketModeAckTiming implements Middleware {

    private final SlackAckTimers timers;

    SocketModeAckTiming(SlackAckTimers timers) {
        this.timers = timers;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (!req.isSocketMode()) {
            return chain.next(req);
        }
        long started = System.nanoTime();
        try {
            return chain.next(req);
        } finally {
            timers.record(AckKind.of(req), started);
        }
    }
}
