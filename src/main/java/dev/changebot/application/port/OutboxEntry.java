package dev.changebot.application.port;

import dev.changebot.domain.change.ChangeId;

/**
 * A pending announcement: bring this change's message up to date. {@code version} is what the
 * worker claimed; a newer announcement in the meantime keeps the entry pending after delivery.
 */
public record OutboxEntry(long id, String workspaceId, ChangeId changeId, int attempts, int version) {
}
