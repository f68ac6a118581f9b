package dev.changebot.application.port;

/**
 * The queue of pending change messages. {@link #delivered} leaves an entry pending, due at once,
 * when a newer announcement arrived meanwhile, so the newest state is what ends up in Slack.
 */
public interface Outbox extends DeliveryQueue<OutboxEntry> {
}
