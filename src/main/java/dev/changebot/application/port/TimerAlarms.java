package dev.changebot.application.port;

import java.time.Instant;

/**
 * The timers' poller on this node, told of a timer just committed: the row is the durable record
 * and every node's poller finds it; this only makes sure this node looks no later than {@code at}.
 */
public interface TimerAlarms {

    void ring(long timerId, Instant at);
}
