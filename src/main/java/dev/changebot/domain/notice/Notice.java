package dev.changebot.domain.notice;

import dev.changebot.domain.change.ChangeId;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-off word about a change (rarely about none), outside its own message: a reminder, an escalation, "soak
 * complete". It holds what happened and to whom it goes; how it reads is the chat adapter's affair.
 */
public record Notice(String workspaceId, Optional<ChangeId> changeId, Recipient recipient, NoticeFacts facts) {

    /** A notice about a change; only a few (an unauthorized deployment that named none) are about no change. */
    public Notice(String workspaceId, ChangeId changeId, Recipient recipient, NoticeFacts facts) {
        this(workspaceId, Optional.of(changeId), recipient, facts);
    }

    public Notice {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(facts, "facts");
    }
}
