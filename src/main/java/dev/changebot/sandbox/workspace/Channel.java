package dev.changebot.sandbox.workspace;

/**
 * A channel, or the direct message between one person ({@code user}) and the bot.
 * {@code pinnedNote} is the page's guide in #changes; null elsewhere.
 */
public record Channel(String id, String name, boolean isIm, String user, String pinnedNote) {
}
