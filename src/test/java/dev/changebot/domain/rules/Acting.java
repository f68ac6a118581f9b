package dev.changebot.domain.rules;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.policy.Policy;
import java.time.Instant;
import java.util.Set;

/** Moves a change in a test the way the service does: the rules decide, the accepted events are applied. */
public final class Acting {

    private Acting() {
    }

    /** {@code userId} (holding {@code roles}) does {@code command} at {@code now}; the rules must accept it. */
    public static Verdict act(Change change, ChangeCommand command, String userId, Set<String> roles, Policy policy,
                              Instant now) {
        var verdict = new ChangeRules().decide(change, command, Actor.person(userId, roles), Situation.at(policy, now));
        if (verdict instanceof Verdict.Refused refused) {
            throw new AssertionError(command + " by " + userId + " was refused: " + refused.reason());
        }
        verdict.events().forEach(change::apply);
        return verdict;
    }
}
