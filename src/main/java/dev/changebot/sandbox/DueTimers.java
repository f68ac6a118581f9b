package dev.changebot.sandbox;

/** Fires the bot's timers due now (the timer poller's), after the sandbox moved the clock. */
@FunctionalInterface
public interface DueTimers {

    /** How many timers were claimed. */
    int fireDue();
}
