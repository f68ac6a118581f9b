package dev.changebot.persistence;

import dev.changebot.application.port.DeliveryQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/** A Slack queue kept in one of our queue tables: claims, attempts and pruning, the same for every queue. */
abstract class PostgresQueue<T> implements DeliveryQueue<T> {

    protected final QueueTable<T> table;
    private final ToLongFunction<T> id;

    PostgresQueue(QueueTable<T> table, ToLongFunction<T> id) {
        this.table = table;
        this.id = id;
    }

    @Override
    public List<T> claimDue(Instant now, Duration lease, int limit) {
        var claimed = new ArrayList<>(table.claimDue(now, lease, limit));
        // RETURNING does not keep the subquery's order; deliver oldest first.
        claimed.sort(Comparator.comparingLong(id));
        return claimed;
    }

    @Override
    public void delivered(T item, Instant at) {
        table.delivered(id.applyAsLong(item), at);
    }

    @Override
    public void retryAt(T item, Instant next, String error) {
        table.retryAt(id.applyAsLong(item), next, error);
    }

    @Override
    public void postpone(T item, Instant next, String why) {
        table.postpone(id.applyAsLong(item), next, why);
    }

    @Override
    public void failed(T item, Instant at, String error) {
        table.failed(id.applyAsLong(item), at, error);
    }

    @Override
    public int prune(Instant settledBefore) {
        return table.prune(settledBefore);
    }
}
