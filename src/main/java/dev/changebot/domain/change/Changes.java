package dev.changebot.domain.change;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where changes live. Every write carries the event that explains it, stored together. */
public interface Changes {

    /** The next sequential id in the workspace; never handed out twice. */
    ChangeId nextId(String workspaceId);

    void add(Change change, ChangeEvent event);

    /** Stores the change's new state together with the event that produced it. */
    void update(Change change, ChangeEvent event);

    /** Stores where the change's message was posted. */
    void saveMessage(Change change);

    Optional<Change> find(String workspaceId, ChangeId id);

    /** The changes of the workspace with these ids (those that exist), read together: not one read each. */
    List<Change> findAll(String workspaceId, Collection<ChangeId> ids);

    /** Finds the change and holds it against concurrent writers until the transaction ends. */
    Optional<Change> findForUpdate(String workspaceId, ChangeId id);

    /**
     * At most {@code limit} changes waiting for approval that were requested by {@code requestedBy}, in
     * every workspace, ordered by workspace and number, after the one numbered {@code afterNumber} in
     * {@code afterWorkspaceId} ("" and 0 to start): what reminders look at, a page at a time.
     */
    List<Change> findAwaitingApproval(String afterWorkspaceId, long afterNumber, Instant requestedBy, int limit);

    /**
     * {@link #findForUpdate}, the change whose live message is this one, if any: found and locked at
     * once (a reaction names a message, not a change).
     */
    Optional<Change> findForUpdateByMessage(String workspaceId, String channelId, String messageTs);
}
