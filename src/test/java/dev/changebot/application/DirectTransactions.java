package dev.changebot.application;

import dev.changebot.application.port.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs the work directly, remembering whether it is inside one so fakes can tell. */
public class DirectTransactions implements Transactions {

    private int depth;
    private int started;
    private final List<Runnable> afterCommit = new ArrayList<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        depth++;
        started++;
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            if (depth == 1) {
                afterCommit.clear(); // rolled back: its effects never happen
            }
            throw e;
        } finally {
            depth--;
        }
        if (depth == 0) {
            var effects = List.copyOf(afterCommit);
            afterCommit.clear();
            effects.forEach(Runnable::run);
        }
        return result;
    }

    /** As a commit would: when the outermost work has returned, never when it threw. */
    @Override
    public void afterCommit(Runnable effect) {
        if (depth == 0) {
            effect.run();
        } else {
            afterCommit.add(effect);
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
