package dev.changebot.persistence.change;

import dev.changebot.application.port.OpenChanges;
import dev.changebot.domain.change.Change;
import jakarta.inject.Singleton;
import java.util.List;

/** Open changes from the partial indexes over open changes (V1/V20 change_request_open, V22). */
@Singleton
class PostgresOpenChanges implements OpenChanges {

    private final ChangeRowRepository rows;
    private final ChangeReads reads;
    private final ChangeRows mapper;

    PostgresOpenChanges(ChangeRowRepository rows, ChangeReads reads, ChangeRows mapper) {
        this.rows = rows;
        this.reads = reads;
        this.mapper = mapper;
    }

    @Override
    public long countUpTo(String workspaceId, long limit) {
        return rows.countOpen(workspaceId, limit);
    }

    @Override
    public List<Change> page(String workspaceId, int skip, int limit) {
        return changes(reads.openPage(workspaceId, Math.max(skip, 0), limit));
    }

    @Override
    public CountedPage countedPage(String workspaceId, int skip, int limit, long countLimit) {
        var read = reads.countedPage(workspaceId, Math.max(skip, 0), limit, countLimit);
        return new CountedPage(changes(read.page()), read.counted());
    }

    @Override
    public List<Change> after(String workspaceId, long afterNumber, int limit) {
        return changes(reads.openAfter(workspaceId, afterNumber, limit));
    }

    @Override
    public long countAfterUpTo(String workspaceId, long afterNumber, long limit) {
        return rows.countOpenAfter(workspaceId, afterNumber, limit);
    }

    @Override
    public long countRequestedBy(String workspaceId, String requesterId) {
        return rows.countOpenRequestedBy(workspaceId, requesterId);
    }

    @Override
    public List<Change> requestedBy(String workspaceId, String requesterId, int limit) {
        return changes(reads.openRequestedBy(workspaceId, requesterId, limit));
    }

    @Override
    public List<Change> awaitingApprovalAfter(String workspaceId, long afterNumber, int limit) {
        return changes(reads.awaitingApprovalAfter(workspaceId, afterNumber, limit));
    }

    @Override
    public List<Change> owingFollowUpsAfter(String workspaceId, long afterNumber, int limit) {
        return changes(reads.owingFollowUpsAfter(workspaceId, afterNumber, limit));
    }

    private List<Change> changes(List<ChangeReads.Found> found) {
        return found.stream().map(mapper::toChange).toList();
    }
}
