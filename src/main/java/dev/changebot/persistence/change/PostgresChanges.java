package dev.changebot.persistence.change;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Changes in PostgreSQL. Callers hold the transaction; every write stores its audit event beside it. */
@Singleton
class PostgresChanges implements Changes {

    private final ChangeRowRepository rows;
    private final ApprovalRowRepository approvals;
    private final EventRowRepository events;
    private final ChangeNumbers numbers;
    private final EventDetails eventDetails;
    private final Clock clock;
    private final ChangeRows mapper;
    private final ChangeLoader loader;

    PostgresChanges(ChangeRowRepository rows, ApprovalRowRepository approvals, EventRowRepository events,
                    ChangeNumbers numbers, EventDetails eventDetails, Clock clock, ChangeRows mapper,
                    ChangeLoader loader) {
        this.mapper = mapper;
        this.loader = loader;
        this.rows = rows;
        this.approvals = approvals;
        this.events = events;
        this.numbers = numbers;
        this.eventDetails = eventDetails;
        this.clock = clock;
    }

    @Override
    public ChangeId nextId(String workspaceId) {
        return new ChangeId(numbers.next(workspaceId));
    }

    @Override
    public void add(Change change, ChangeEvent event) {
        var saved = rows.save(mapper.toRow(null, change, clock.instant()));
        writeApprovalsAndEvent(saved.id(), change, event);
    }

    @Override
    public void update(Change change, ChangeEvent event) {
        long rowId = rowIdOf(change);
        rows.update(mapper.toRow(rowId, change, clock.instant()));
        writeApprovalsAndEvent(rowId, change, event);
    }

    @Override
    public void saveMessage(Change change) {
        change.message().ifPresent(m ->
                rows.updateMessage(change.workspaceId(), change.id().number(), m.channelId(), m.messageTs()));
    }

    @Override
    public Optional<Change> find(String workspaceId, ChangeId id) {
        return rows.findByWorkspaceIdAndNumber(workspaceId, id.number()).map(loader::withApprovals);
    }

    @Override
    public Optional<Change> findForUpdate(String workspaceId, ChangeId id) {
        return rows.findByWorkspaceIdAndNumberForUpdate(workspaceId, id.number()).map(loader::withApprovals);
    }

    @Override
    public List<Change> findOpen(String workspaceId) {
        return loader.withApprovals(rows.findOpen(workspaceId));
    }

    @Override
    public List<Change> findAwaitingApproval() {
        return loader.withApprovals(rows.findAwaitingApproval());
    }

    @Override
    public Optional<Change> findByMessage(String workspaceId, String channelId, String messageTs) {
        return rows.findByWorkspaceIdAndMessageChannelIdAndMessageTs(workspaceId, channelId, messageTs)
                .map(loader::withApprovals);
    }

    private long rowIdOf(Change change) {
        return rows.findByWorkspaceIdAndNumber(change.workspaceId(), change.id().number())
                .map(ChangeRow::id)
                .orElseThrow(() -> new IllegalStateException(change.id() + " was never stored"));
    }

    private void writeApprovalsAndEvent(long rowId, Change change, ChangeEvent event) {
        if (event instanceof ChangeEvent.ChangeApprovalRevoked revoked) {
            approvals.deleteByChangeIdAndStepAndApproverId(rowId, revoked.step(), revoked.actorId());
        }
        change.approvals().forEach(a -> approvals.insertIfAbsent(rowId, a.approverId(), a.approvedAt(), a.step()));
        events.save(new EventRow(null, rowId, change.workspaceId(), event.type(), event.actorId(),
                event.occurredAt(), eventDetails.of(event)));
    }
}
