package dev.changebot.domain.notice;

import dev.changebot.domain.change.ChangeId;
import java.util.Objects;

/**
 * A one-off word about a change, outside its own message: a reminder, an escalation, "soak
 * complete". It holds what happened and to whom it goes; how it reads is the chat adapter's affair.
 */
public record Notice(String workspaceId, ChangeId changeId, Recipient recipient, NoticeFacts facts) {

    public Notice {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(facts, "facts");
    }
}
