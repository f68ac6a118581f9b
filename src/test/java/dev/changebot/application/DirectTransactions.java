package dev.changebot.application;

import java.util.function.Supplier;

/** Runs the work directly, remembering whether it is inside one so fakes can tell. */
public class DirectTransactions implements Transactions {

    private int depth;
    private int started;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        depth++;
        started++;
        try {
            return work.get();
        } finally {
            depth--;
        }
    }

    public boolean active() {
        return depth > 0;
    }

    /** How many transactions were started, nested ones included. */
    public int started() {
        return started;
    }
}
