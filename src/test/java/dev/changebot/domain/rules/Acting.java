package dev.changebot.domain.rules;

import static dev.changebot.domain.change.ChangeFixtures.CHANNEL;
import static dev.changebot.domain.change.ChangeFixtures.COMMANDER;
import static dev.changebot.domain.change.ChangeFixtures.FIRST;
import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.REQUESTER;
import static dev.changebot.domain.change.ChangeFixtures.REVIEWER;
import static dev.changebot.domain.change.ChangeFixtures.WORKSPACE;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeFixtures;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Instant;
import java.util.Optional;
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

    /** Bob, a reviewer, approves the change; then Alice starts it at {@code now}, which the calendar must allow. */
    public static Change approvedAndStarted(Change change, Policy policy, Instant now) {
        act(change, new ChangeCommand.Approve(dev.changebot.domain.change.ApprovalVia.COMMAND), REVIEWER, PolicyFixtures.REVIEWER_ROLES, policy, now);
        var started = act(change, new ChangeCommand.Start(Optional.empty()), REQUESTER, Set.of(), policy, now);
        if (!(started instanceof Verdict.Accepted)) {
            throw new AssertionError("the start was not accepted: " + started);
        }
        return change;
    }

    /**
     * CHG-1 declared at {@link ChangeFixtures#NOW} the way Changebot declares it: by Alice, with Dave
     * commanding, in the policy's emergency class, owing what the rules say an emergency of that
     * severity owes, and waiting for approvals when the class lists any.
     */
    public static Change declared(Policy policy, Optional<String> severity) {
        var emergency = policy.emergencyClass().orElseThrow();
        var obligations = new ChangeRules().obligations(emergency, severity, NOW, policy);
        return Change.declare(FIRST, WORKSPACE, REQUESTER, COMMANDER, severity, CHANNEL, emergency.name(),
                ChangeFixtures.details(), obligations, !emergency.steps().isEmpty(), NOW).change();
    }
}
