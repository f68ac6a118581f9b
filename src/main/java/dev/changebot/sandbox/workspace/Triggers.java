package dev.changebot.sandbox.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * trigger_ids as Slack hands them out with each interaction: whose they are, good for 3 seconds of
 * real time. Not thread-safe on its own: the {@link Workspace} holds its lock around every use.
 */
final class Triggers {

    /** Slack's trigger_id is good for 3 seconds. */
    static final Duration LIFETIME = Duration.ofSeconds(3);

    private final Clock wallClock;
    private final Map<String, Trigger> issued = new HashMap<>();
    private long serial;

    Triggers(Clock wallClock) {
        this.wallClock = wallClock;
    }

    String issue(String user) {
        var id = (++serial) + "." + Long.toHexString(wallClock.millis()) + ".sandbox";
        var now = wallClock.instant();
        // Long-expired ones are forgotten, so a long session does not accumulate them.
        issued.values().removeIf(t -> t.issuedAt().plus(LIFETIME.multipliedBy(100)).isBefore(now));
        issued.put(id, new Trigger(user, now));
        return id;
    }

    /** The person a trigger was issued for; refused when unknown or expired, as Slack does. */
    String userOf(String triggerId) {
        var trigger = triggerId == null ? null : issued.get(triggerId);
        if (trigger == null) {
            throw new SlackRefusal("invalid_trigger_id");
        }
        if (trigger.issuedAt().plus(LIFETIME).isBefore(wallClock.instant())) {
            throw new SlackRefusal("expired_trigger_id");
        }
        return trigger.user();
    }

    private record Trigger(String user, Instant issuedAt) {
    }
}
