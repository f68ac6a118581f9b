package dev.changebot.sandbox.standin;

import dev.changebot.sandbox.workspace.SlackRefusal;
import io.micronaut.context.annotation.Requires;
import dev.changebot.sandbox.SandboxOn;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The response_url of each slash command and block action, with Slack's terms: five uses within
 * 30 minutes (real time), then expired_url / used_url. Each is an unguessable token, as Slack's are.
 */
@Singleton
@Requires(condition = SandboxOn.class)
class ResponseUrls {

    static final int USES = 5;
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock wallClock = Clock.systemUTC();

    /**
     * @param sourceTs  the message the interaction came from (replace_original / delete_original), or null
     * @param ephemeral whether that message is an ephemeral of {@code user}
     */
    String issue(String user, String channel, String sourceTs, boolean ephemeral) {
        var bytes = new byte[16];
        random.nextBytes(bytes);
        var token = HexFormat.of().formatHex(bytes);
        var now = wallClock.instant();
        targets.values().removeIf(t -> t.issuedAt().plus(LIFETIME).isBefore(now));
        targets.put(token, new Target(user, channel, sourceTs, ephemeral, now, 0));
        return token;
    }

    /** Uses the URL once; refused when unknown, expired or used up. */
    Target use(String token) {
        var result = new Target[1];
        targets.compute(token, (key, target) -> {
            if (target == null) {
                throw new SlackRefusal("invalid_url");
            }
            if (target.issuedAt().plus(LIFETIME).isBefore(wallClock.instant())) {
                throw new SlackRefusal("expired_url");
            }
            if (target.uses() >= USES) {
                throw new SlackRefusal("used_url");
            }
            var used = new Target(target.user(), target.channel(), target.sourceTs(), target.ephemeral(),
                    target.issuedAt(), target.uses() + 1);
            result[0] = used;
            return used;
        });
        return result[0];
    }

    record Target(String user, String channel, String sourceTs, boolean ephemeral, Instant issuedAt, int uses) {
    }
}
