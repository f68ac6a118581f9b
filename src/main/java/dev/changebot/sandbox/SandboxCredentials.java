package dev.changebot.sandbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bot token and signing secret the sandbox makes up for this process: the bot checks the
 * stand-in's requests and the stand-in the bot's calls exactly as with Slack, and nothing outside
 * this process knows them.
 */
@Singleton
@Requires(condition = SandboxOn.class)
public final class SandboxCredentials {

    private final String botToken;
    private final String signingSecret;

    SandboxCredentials() {
        var random = new SecureRandom();
        this.botToken = "xoxb-sandbox-" + hex(random, 12);
        this.signingSecret = hex(random, 32);
    }

    public String botToken() {
        return botToken;
    }

    public String signingSecret() {
        return signingSecret;
    }

    private static String hex(SecureRandom random, int bytes) {
        var value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
