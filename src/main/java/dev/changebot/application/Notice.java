package dev.changebot.application;

import dev.changebot.domain.change.ChangeId;

/**
 * A one-off post about a change: a reminder, an escalation, "soak complete". {@code recipient} is
 * a channel, or a user for a direct message; {@code inThread} replies under the change's message
 * when it has one. The text is already written for the chat platform.
 */
public record Notice(String workspaceId, ChangeId changeId, String recipient, String text, boolean inThread) {

    public static Notice to(String workspaceId, ChangeId changeId, String recipient, String text) {
        return new Notice(workspaceId, changeId, recipient, text, false);
    }
}
