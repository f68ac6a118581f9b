package dev.changebot.domain.change;

/** Where a change's live message sits in chat, so it can be updated in place. */
public record MessageRef(String channelId, String messageTs) {
}
