package dev.changebot.slack.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Notes when a request to /slack/events arrived, on the event loop, before it waits for a thread of
 * the blocking executor: under a burst that wait is most of what Slack sees, and the ack timer
 * ({@link dev.changebot.slack.metrics.SlackAckTimers}) must count it.
 */
@ServerFilter("/slack/events")
class SlackArrival {

    private static final String ARRIVED = SlackArrival.class.getName() + ".arrived";

    @RequestFilter
    void arrived(HttpRequest<?> request) {
        request.setAttribute(ARRIVED, System.nanoTime());
    }

    /** When the request arrived ({@link System#nanoTime()}); now, if the filter did not see it. */
    static long nanosOf(HttpRequest<?> request) {
        return request.getAttribute(ARRIVED, Long.class).orElseGet(System::nanoTime);
    }
}
