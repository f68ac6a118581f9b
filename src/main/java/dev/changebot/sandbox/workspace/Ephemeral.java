package dev.changebot.sandbox.workspace;

/** A message only {@code user} sees, in {@code message.channel()}, until the page is reloaded in Slack's case. */
public record Ephemeral(String user, Message message) {
}
