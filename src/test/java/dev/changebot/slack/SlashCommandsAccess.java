package dev.changebot.slack;

/** `/change <text>` bodies for tests outside this package. */
public final class SlashCommandsAccess {

    private SlashCommandsAccess() {
    }

    public static String of(String userId, String channelId, String text) {
        return SlashCommands.of(userId, channelId, text);
    }
}
