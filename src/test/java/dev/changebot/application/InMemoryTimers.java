package dev.changebot.application;

import dev.changebot.application.port.TimerAlarms;
import dev.changebot.application.port.TimerStore;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.TimerKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Timers in a list, and alarms that only remember what they were asked to ring: for use cases tested without a database. */
public class InMemoryTimers implements TimerStore, TimerAlarms {

    private final List<Timer> pending = new ArrayList<>();
    private final List<Long> rung = new ArrayList<>();
    private final java.util.Map<Long, Integer> attempts = new java.util.HashMap<>();
    private final java.util.Map<Long, Instant> retryAt = new java.util.HashMap<>();

    @Override
    public long add(Change change, TimerKind kind, String ref, Instant dueAt) {
        long id = pending.size() + 1L;
        pending.add(new Timer(id, change.workspaceId(), change.id(), kind.name(), ref, dueAt));
        return id;
    }

    @Override
    public Optional<Timer> findPending(long id) {
        return pending.stream().filter(t -> t.id() == id).findFirst();
    }

    @Override
    public Optional<Timer> lockPending(long id) {
        return findPending(id);
    }

    @Override
    public void fired(long id, Instant at, long lateByMillis, String outcome, String firedBy) {
        pending.removeIf(t -> t.id() == id);
    }

    @Override
    public void cancelAll(Change change, TimerKind kind, Optional<String> ref) {
        pending.removeIf(t -> t.changeId().equals(change.id()) && t.kind().equals(kind.name())
                && ref.map(r -> r.equals(t.ref())).orElse(true));
    }

    /** The pending timers, in the order they were set. */
    public List<Timer> pending() {
        return List.copyOf(pending);
    }

    @Override
    public Optional<Claim> claimDue(Instant dueBy, Instant now) {
        return pending.stream().filter(t -> !t.dueAt().isAfter(dueBy))
                .filter(t -> !retryAt.getOrDefault(t.id(), now).isAfter(now))
                .min(java.util.Comparator.comparing(Timer::dueAt))
                .map(t -> new Claim(t.id(), attempts.getOrDefault(t.id(), 0)));
    }

    @Override
    public Optional<Instant> nextClaimable() {
        return pending.stream().map(t -> retryAt.getOrDefault(t.id(), t.dueAt())).min(Instant::compareTo);
    }

    @Override
    public void failed(long id, Instant retry) {
        attempts.merge(id, 1, Integer::sum);
        retryAt.put(id, retry);
    }

    @Override
    public void ring(long timerId, Instant at) {
        rung.add(timerId);
    }

    /** The timers asked to ring, in order. */
    public List<Long> rung() {
        return List.copyOf(rung);
    }
}
