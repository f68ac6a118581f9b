package dev.changebot.persistence.change;

import dev.changebot.domain.change.Change;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/** Turns rows into changes with their approvals: one more query for a whole list, not one per change. */
@Singleton
class ChangeLoader {

    private final ApprovalRowRepository approvals;
    private final ChangeRows mapper;

    ChangeLoader(ApprovalRowRepository approvals, ChangeRows mapper) {
        this.approvals = approvals;
        this.mapper = mapper;
    }

    Change withApprovals(ChangeRow row) {
        return mapper.toChange(row, approvals.findByChangeIdOrderById(row.id()));
    }

    List<Change> withApprovals(List<ChangeRow> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        var byChange = approvals.findByChangeIdInOrderById(found.stream().map(ChangeRow::id).toList()).stream()
                .collect(Collectors.groupingBy(ApprovalRow::changeId));
        return found.stream().map(row -> mapper.toChange(row, byChange.getOrDefault(row.id(), List.of()))).toList();
    }
}
