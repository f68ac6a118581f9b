package dev.changebot.application.port;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: state and its audit event commit together or not at all.
 * The work may run a second time when its connection turned out dead, so it re-reads what it
 * decides on and keeps no effects outside the transaction but its result.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code effect} once the outermost transaction around the caller has committed, and never
     * if it rolls back or is run again: for effects outside the database (ringing a timer's alarm)
     * that must follow only what was really recorded. Outside a transaction it runs at once.
     */
    void afterCommit(Runnable effect);
}
