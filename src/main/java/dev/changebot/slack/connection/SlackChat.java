package dev.changebot.slack.connection;

import java.util.Optional;

/** The bot's chat calls for the outbox ({@link ChatMethods}), or nothing when Slack is not configured. */
public record SlackChat(Optional<ChatMethods> methods) {
}
