package dev.changebot.application.port;

import dev.changebot.domain.change.ChangeId;
import java.time.Instant;

/**
 * A pending announcement: bring this change's message up to date. {@code version} is what the
 * worker claimed; a newer announcement in the meantime keeps the entry pending after delivery.
 * {@code announcedAt} is when the oldest state not yet in Slack was announced (later ones are
 * coalesced into the entry): the lag of a delivery is measured from it. {@code holdsSlot}: the
 * entry waited for an update slot of its own ({@link UpdatePacing}) and may go without taking another.
 * {@code posted}: the change's message was in Slack when the entry was claimed, so delivering it is an
 * update, which needs a slot; known from the claim, so an update that waits for a later slot costs no
 * read of its change.
 */
public record OutboxEntry(long id, String workspaceId, ChangeId changeId, int attempts, int version,
                          Instant announcedAt, boolean holdsSlot, boolean posted) {
}
