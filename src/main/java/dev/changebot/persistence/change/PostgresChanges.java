package dev.changebot.persistence.change;

import dev.changebot.application.port.AnnouncedChanges;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.persistence.QueuedForSlack;
import dev.changebot.persistence.audit.RecordedFacts;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Changes in PostgreSQL. Callers hold the transaction; every write stores its audit event beside it, and
 * a command's last write can queue the change's message refresh with it ({@link AnnouncedChanges}).
 */
@Singleton
class PostgresChanges implements Changes, AnnouncedChanges {

    private final ChangeRowRepository rows;
    private final ApprovalRowRepository approvals;
    private final EventRowRepository events;
    private final ChangeNumbers numbers;
    private final EventDetails eventDetails;
    private final Clock clock;
    private final ChangeRows mapper;
    private final ChangeReads reads;
    private final RecordedFacts recorded;
    private final CommandWrite commandWrite;
    private final QueuedForSlack queued;
    private final LoadedRows loaded = new LoadedRows();

    PostgresChanges(ChangeRowRepository rows, ApprovalRowRepository approvals, EventRowRepository events,
                    ChangeNumbers numbers, EventDetails eventDetails, Clock clock, ChangeRows mapper,
                    ChangeReads reads, RecordedFacts recorded, CommandWrite commandWrite, QueuedForSlack queued) {
        this.commandWrite = commandWrite;
        this.queued = queued;
        this.recorded = recorded;
        this.mapper = mapper;
        this.reads = reads;
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
        loaded.remember(change, saved);
        change.approvals().forEach(a -> approvals.insertIfAbsent(saved.id(), a.approverId(), a.approvedAt(), a.step()));
        writeEvent(saved.id(), change, event);
    }

    /**
     * One statement for a command's event ({@link CommandWrite}): the row, the one approval the event
     * adds or withdraws (approvals change only by those two events), the event. The row id is the one
     * the change was loaded with, not selected again.
     */
    @Override
    public void update(Change change, ChangeEvent event) {
        write(change, event, null);
    }

    /** As {@link #update}, with the change's outbox row (as PostgresOutbox writes it) in the same statement. */
    @Override
    public void updateAndAnnounce(Change change, ChangeEvent event) {
        write(change, event, clock.instant());
    }

    private void write(Change change, ChangeEvent event, Instant announcedAt) {
        // A change locked or stored through this object writes only what differs from its row; any other, every column.
        var stored = loaded.rowOf(change);
        long rowId = stored.map(ChangeRow::id).orElseGet(() -> rowIdOf(change));
        CommandWrite.ApprovalChange approval = null;
        if (event instanceof ChangeEvent.ChangeApproved approved) {
            approval = new CommandWrite.ApprovalChange(true, approved.actorId(), approved.occurredAt(), approved.step());
        } else if (event instanceof ChangeEvent.ChangeApprovalRevoked revoked) {
            approval = new CommandWrite.ApprovalChange(false, revoked.actorId(), null, revoked.step());
        }
        var row = mapper.toRow(rowId, change, clock.instant());
        commandWrite.write(stored.orElse(null), row, approval,
                new CommandWrite.EventValues(change.workspaceId(), event.type(), event.actorId(), event.occurredAt(),
                        eventDetails.of(event)), announcedAt);
        if (stored.isPresent()) {
            loaded.remember(change, row);
        }
        if (announcedAt != null) {
            queued.queued();
        }
        recorded.recorded();
    }

    @Override
    public void saveMessage(Change change) {
        change.message().ifPresent(m ->
                rows.updateMessage(change.workspaceId(), change.id().number(), m.channelId(), m.messageTs()));
    }

    @Override
    public Optional<Change> find(String workspaceId, ChangeId id) {
        return reads.byNumber(workspaceId, id.number()).map(mapper::toChange);
    }

    @Override
    public List<Change> findAll(String workspaceId, Collection<ChangeId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return reads.byNumbers(workspaceId, ids.stream().map(ChangeId::number).distinct().toList()).stream()
                .map(mapper::toChange).toList();
    }

    @Override
    public Optional<Change> findForUpdate(String workspaceId, ChangeId id) {
        // Only a locked change is updated: it remembers its row, the others need not.
        return reads.forUpdate(workspaceId, id.number()).map(this::locked);
    }

    @Override
    public List<Change> findAwaitingApproval(String afterWorkspaceId, long afterNumber, Instant requestedBy, int limit) {
        return reads.awaitingApproval(afterWorkspaceId, afterNumber, requestedBy, limit).stream()
                .map(mapper::toChange).toList();
    }

    @Override
    public Optional<Change> findForUpdateByMessage(String workspaceId, String channelId, String messageTs) {
        return reads.forUpdateByMessage(workspaceId, channelId, messageTs).map(this::locked);
    }

    /**
     * The change read under its lock, remembered with its row as this mapper writes it (the JSON columns
     * as PostgreSQL sends them are spelt otherwise), so that its write compares like with like.
     */
    private Change locked(ChangeReads.Found found) {
        var change = mapper.toChange(found);
        return loaded.remember(change, mapper.toRow(found.row().id(), change, found.row().updatedAt()));
    }

    /** A change neither locked nor added through this object: found by its number, as before. */
    private long rowIdOf(Change change) {
        return reads.byNumber(change.workspaceId(), change.id().number())
                .map(found -> found.row().id())
                .orElseThrow(() -> new IllegalStateException(change.id() + " was never stored"));
    }

    private void writeEvent(long rowId, Change change, ChangeEvent event) {
        events.save(new EventRow(null, rowId, change.workspaceId(), event.type(), event.actorId(),
                event.occurredAt(), eventDetails.of(event)));
        recorded.recorded();
    }
}
