package dev.changebot.domain.rules;

import java.util.Set;

/**
 * Who acts: a person with the policy's roles they hold at that moment (looked up then, never taken
 * from a message), or Changebot itself when a timer rings.
 */
public record Actor(String userId, Set<String> roles) {

    /** Changebot acting on its own clock; it holds no role. */
    public static final Actor CHANGEBOT = new Actor("changebot", Set.of());

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor person(String userId, Set<String> roles) {
        return new Actor(userId, roles);
    }

    /**
     * A pipeline reporting through the API with the token {@code tokenName}: "api:NAME", which no chat
     * platform user id looks like; it holds no role, so it can approve nothing and sign no override.
     */
    public static Actor pipeline(String tokenName) {
        return new Actor(PIPELINE_PREFIX + tokenName, Set.of());
    }

    public boolean isPipeline() {
        return userId.startsWith(PIPELINE_PREFIX);
    }

    private static final String PIPELINE_PREFIX = "api:";
}
