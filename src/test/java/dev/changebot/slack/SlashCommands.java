package dev.changebot.slack;

import dev.changebot.support.SlackPayloads;

/** Shorthand for `/change <text>` typed by a user in a channel. */
final class SlashCommands {

    private SlashCommands() {
    }

    static String of(String userId, String channelId, String text) {
        return SlackPayloads.slashCommand(userId, channelId, text);
    }
}
