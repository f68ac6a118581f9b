package dev.changebot.application;

import java.util.function.Supplier;

/** Runs work in one database transaction: state and its audit event commit together or not at all. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
