package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.MessageRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes kept in a map. Like the database, it stores a copy and hands out copies, so a change
 * that was modified but never written is not seen as stored. Every write is recorded with its
 * event, so tests can read the audit trail.
 */
public class InMemoryChanges implements Changes {

    /** One write: the change as it was stored, the event that explains it, and whether a transaction was open. */
    public record Write(Change change, ChangeEvent event, boolean inTransaction) {
    }

    private final DirectTransactions transactions;
    private final Map<String, Change> stored = new HashMap<>();
    private final Map<String, Long> lastNumber = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();

    public InMemoryChanges(DirectTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public ChangeId nextId(String workspaceId) {
        return new ChangeId(lastNumber.merge(workspaceId, 1L, Long::sum));
    }

    @Override
    public void add(Change change, ChangeEvent event) {
        var key = key(change.workspaceId(), change.id());
        if (stored.containsKey(key)) {
            throw new IllegalStateException(change.id() + " is already stored");
        }
        write(change, event);
    }

    @Override
    public void update(Change change, ChangeEvent event) {
        if (!stored.containsKey(key(change.workspaceId(), change.id()))) {
            throw new IllegalStateException(change.id() + " was never stored");
        }
        write(change, event);
    }

    @Override
    public void saveMessage(Change change) {
        var key = key(change.workspaceId(), change.id());
        var current = stored.get(key);
        var message = change.message().orElseThrow();
        stored.put(key, copy(current, message));
    }

    @Override
    public Optional<Change> find(String workspaceId, ChangeId id) {
        return Optional.ofNullable(stored.get(key(workspaceId, id))).map(c -> copy(c, c.message().orElse(null)));
    }

    @Override
    public List<Change> findAll(String workspaceId, java.util.Collection<ChangeId> ids) {
        return ids.stream().distinct().map(id -> find(workspaceId, id)).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<Change> findForUpdate(String workspaceId, ChangeId id) {
        return find(workspaceId, id);
    }

    @Override
    public List<Change> findAwaitingApproval(String afterWorkspaceId, long afterNumber, java.time.Instant requestedBy,
                                             int limit) {
        java.util.Comparator<Change> order = java.util.Comparator.comparing(Change::workspaceId)
                .thenComparingLong(c -> c.id().number());
        return stored.values().stream().filter(c -> c.state() == dev.changebot.domain.change.ChangeState.PENDING_APPROVAL)
                .filter(c -> !c.requestedAt().isAfter(requestedBy))
                .filter(c -> c.workspaceId().compareTo(afterWorkspaceId) > 0
                        || c.workspaceId().equals(afterWorkspaceId) && c.id().number() > afterNumber)
                .sorted(order).limit(limit)
                .map(c -> copy(c, c.message().orElse(null))).toList();
    }

    @Override
    public Optional<Change> findForUpdateByMessage(String workspaceId, String channelId, String messageTs) {
        return stored.values().stream()
                .filter(c -> c.workspaceId().equals(workspaceId) && c.message()
                        .filter(m -> m.channelId().equals(channelId) && m.messageTs().equals(messageTs)).isPresent())
                .findFirst().flatMap(c -> findForUpdate(workspaceId, c.id()));
    }

    /** Puts a change in place as if it had been stored earlier; not recorded as a write. */
    public void given(Change change) {
        stored.put(key(change.workspaceId(), change.id()), copy(change, change.message().orElse(null)));
    }

    public List<Write> writes() {
        return List.copyOf(writes);
    }

    /** The audit trail: every event written, in order. */
    public List<ChangeEvent> events() {
        return writes.stream().map(Write::event).toList();
    }

    private void write(Change change, ChangeEvent event) {
        var snapshot = copy(change, change.message().orElse(null));
        stored.put(key(change.workspaceId(), change.id()), snapshot);
        writes.add(new Write(snapshot, event, transactions.active()));
    }

    private static String key(String workspaceId, ChangeId id) {
        return workspaceId + "/" + id;
    }

    private static Change copy(Change c, MessageRef message) {
        // A full copy, as storage would give back: nothing of the change is lost on the way.
        return Change.restore(new dev.changebot.domain.change.StoredChange(c.id(), c.workspaceId(), c.requesterId(),
                c.originChannelId(), c.changeClass(), c.details(), c.requestedAt(), c.state(), c.approvals(),
                c.rejection().orElse(null), message, c.exception().orElse(null), c.pendingOverride().orElse(null),
                c.soak().orElse(null), c.rolloutPercent(), c.stagesPassed(), c.emergency().orElse(null)));
    }
}
