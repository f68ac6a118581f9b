package dev.changebot.persistence.change;

import dev.changebot.domain.change.Approval;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.change.Rejection;
import dev.changebot.domain.change.Risk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Translates between the aggregate and its rows. */
final class ChangeRows {

    private ChangeRows() {
    }

    static ChangeRow toRow(Long rowId, Change change, Instant updatedAt) {
        var d = change.details();
        var rejection = change.rejection();
        var message = change.message();
        return new ChangeRow(rowId, change.workspaceId(), change.id().number(), change.requesterId(),
                change.originChannelId(), d.title(), d.description(), d.justification(), d.systemsAffected(),
                d.environment(), d.risk().name(), d.implementationPlan(), d.rollbackPlan(), d.testingEvidence(),
                d.proposedStart(), d.expectedDuration().toSeconds(), change.requestedAt(), change.state().name(),
                rejection.map(Rejection::rejectedBy).orElse(null),
                rejection.map(Rejection::reason).orElse(null),
                rejection.map(Rejection::rejectedAt).orElse(null),
                message.map(MessageRef::channelId).orElse(null),
                message.map(MessageRef::messageTs).orElse(null),
                updatedAt);
    }

    static Change toChange(ChangeRow row, List<ApprovalRow> approvals) {
        var details = new ChangeDetails(row.title(), row.description(), row.justification(), row.systemsAffected(),
                row.environment(), Risk.valueOf(row.risk()), row.implementationPlan(), row.rollbackPlan(),
                row.testingEvidence(), row.proposedStart(), Duration.ofSeconds(row.expectedDurationS()));
        var rejection = row.rejectedBy() == null ? null
                : new Rejection(row.rejectedBy(), row.rejectionReason(), row.rejectedAt());
        var message = row.messageTs() == null ? null : new MessageRef(row.messageChannelId(), row.messageTs());
        return Change.restore(new ChangeId(row.number()), row.workspaceId(), row.requesterId(), row.originChannelId(),
                details, row.requestedAt(), ChangeState.valueOf(row.state()),
                approvals.stream().map(a -> new Approval(a.approverId(), a.approvedAt())).toList(),
                rejection, message);
    }
}
