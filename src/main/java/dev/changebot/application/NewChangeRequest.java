package dev.changebot.application;

import dev.changebot.domain.change.ChangeDetails;

/** A person asks for a change, from a channel of a workspace. */
public record NewChangeRequest(String workspaceId, String requesterId, String channelId, ChangeDetails details) {
}
