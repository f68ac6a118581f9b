package dev.changebot.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A token as stored: never its text, only who made it, what it may do and when it was last used. */
public record ApiToken(long id, String workspaceId, String name, TokenScope scope, String createdBy, Instant createdAt,
                       Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    /** Last use is written at most this often per token: a pipeline polling a check must not write each time. */
    public static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    /** How a token is named: a word people can type in `/change token revoke`. */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public boolean revoked() {
        return revokedAt.isPresent();
    }

    public boolean lastUseIsStale(Instant now) {
        return lastUsedAt.map(at -> !at.plus(LAST_USE_RESOLUTION).isAfter(now)).orElse(true);
    }

    /** Who a change the token created was requested by: never a Slack user id, so never mistaken for one. */
    public String actorId() {
        return "api:" + name;
    }
}
