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
}
