package dev.changebot.application.delivery;

import dev.changebot.application.port.Deployments;
import dev.changebot.application.port.OutboxEntry;
import dev.changebot.application.port.UpdatePacing;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.gate.PipelineRun;
import dev.changebot.domain.schedule.Conflict;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a claimed batch of the outbox needs before its messages go, read at once: the update slots its
 * entries take (per workspace, one statement), then only for the entries that go now their changes, the
 * pipeline runs behind them and their open conflicts (a workspace at a time). Under a backlog most
 * updates wait for a later slot; they are read when they go, not also now
 * (docs/performance/ack-path-sessions.md, eighth session).
 */
@Singleton
class BatchReads {

    /**
     * A claimed entry's change (empty when it no longer exists, or not read because its update waits for a
     * later slot), the moment its update may go, and the open conflicts its message shows.
     */
    record Ready(Optional<Change> change, Instant slot, Optional<PipelineRun> pipeline, List<Conflict> conflicts) {
    }

    private final Changes changes;
    private final Deployments deployments;
    private final OpenConflicts openConflicts;
    private final UpdatePacing updatePacing;

    BatchReads(Changes changes, Deployments deployments, OpenConflicts openConflicts, UpdatePacing updatePacing) {
        this.changes = changes;
        this.deployments = deployments;
        this.openConflicts = openConflicts;
        this.updatePacing = updatePacing;
    }

    /** In the caller's transaction. */
    Map<Long, Ready> prepare(List<OutboxEntry> due, Instant now) {
        // The claim said which changes are posted: their updates take slots before anything is read.
        var slots = reserveSlots(due.stream().filter(entry -> entry.posted() && !entry.holdsSlot()).toList(), now);
        var going = due.stream().filter(entry -> !slots.getOrDefault(entry.id(), now).isAfter(now)).toList();
        var read = readChanges(going);
        var runs = readPipelineRuns(read.keySet());
        var conflicts = readConflicts(read, now);
        // Posted between the claim and this read (rare): an update after all, which needs a slot.
        slots.putAll(reserveSlots(going.stream().filter(entry -> !entry.posted() && !entry.holdsSlot()
                && postedNow(read, entry)).toList(), now));
        var found = new HashMap<Long, Ready>();
        for (var entry : due) {
            var key = new ChangeKey(entry.workspaceId(), entry.changeId());
            found.put(entry.id(), new Ready(Optional.ofNullable(read.get(key)), slots.getOrDefault(entry.id(), now),
                    Optional.ofNullable(runs.get(key)), conflicts.getOrDefault(key, List.of())));
        }
        return found;
    }

    /** The workspaces' next update slots for these entries, in their order, one statement per workspace. */
    private Map<Long, Instant> reserveSlots(List<OutboxEntry> entries, Instant now) {
        var byWorkspace = new LinkedHashMap<String, List<OutboxEntry>>();
        entries.forEach(entry -> byWorkspace.computeIfAbsent(entry.workspaceId(), w -> new ArrayList<>()).add(entry));
        var slots = new HashMap<Long, Instant>();
        byWorkspace.forEach((workspace, ofWorkspace) -> {
            var reserved = updatePacing.reserve(workspace, now, ofWorkspace.size());
            for (int i = 0; i < ofWorkspace.size(); i++) {
                slots.put(ofWorkspace.get(i).id(), reserved.get(i));
            }
        });
        return slots;
    }

    private static boolean postedNow(Map<ChangeKey, Change> read, OutboxEntry entry) {
        var change = read.get(new ChangeKey(entry.workspaceId(), entry.changeId()));
        return change != null && change.message().isPresent();
    }

    /** The entries' changes, read a workspace at a time: two statements, not two per entry. */
    private Map<ChangeKey, Change> readChanges(List<OutboxEntry> due) {
        var ids = new LinkedHashMap<String, List<ChangeId>>();
        due.forEach(entry -> ids.computeIfAbsent(entry.workspaceId(), w -> new ArrayList<>()).add(entry.changeId()));
        var read = new HashMap<ChangeKey, Change>();
        ids.forEach((workspace, ofWorkspace) -> changes.findAll(workspace, ofWorkspace)
                .forEach(change -> read.put(new ChangeKey(workspace, change.id()), change)));
        return read;
    }

    /** The pipeline runs behind the changes' latest checks or deployments, a workspace at a time. */
    private Map<ChangeKey, PipelineRun> readPipelineRuns(Set<ChangeKey> keys) {
        var ids = new LinkedHashMap<String, List<ChangeId>>();
        keys.forEach(key -> ids.computeIfAbsent(key.workspaceId(), w -> new ArrayList<>()).add(key.id()));
        var runs = new HashMap<ChangeKey, PipelineRun>();
        ids.forEach((workspace, ofWorkspace) -> deployments.pipelineRuns(workspace, ofWorkspace)
                .forEach((id, run) -> runs.put(new ChangeKey(workspace, id), run)));
        return runs;
    }

    /** The open conflicts of the batch's changes, the open changes read once per workspace ({@link OpenConflicts}). */
    private Map<ChangeKey, List<Conflict>> readConflicts(Map<ChangeKey, Change> read, Instant now) {
        var byWorkspace = new LinkedHashMap<String, List<Change>>();
        read.forEach((key, change) -> byWorkspace.computeIfAbsent(key.workspaceId(), w -> new ArrayList<>())
                .add(change));
        var conflicts = new HashMap<ChangeKey, List<Conflict>>();
        byWorkspace.forEach((workspace, ofWorkspace) -> openConflicts.of(workspace, ofWorkspace, now)
                .forEach((id, found) -> conflicts.put(new ChangeKey(workspace, id), found)));
        return conflicts;
    }

    private record ChangeKey(String workspaceId, ChangeId id) {
    }
}
