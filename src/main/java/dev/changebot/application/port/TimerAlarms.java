package dev.changebot.application.port;

import java.time.Instant;

/** Rings a stored timer at its time: the durable scheduler behind the timers. */
public interface TimerAlarms {

    void ring(long timerId, Instant at);
}
