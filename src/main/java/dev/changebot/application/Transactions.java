package dev.changebot.application;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: state and its audit event commit together or not at all.
 * The work may run a second time when its connection turned out dead, so it re-reads what it
 * decides on and keeps no effects outside the transaction but its result.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
