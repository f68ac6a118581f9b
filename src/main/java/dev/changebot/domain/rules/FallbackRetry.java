package dev.changebot.domain.rules;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.policy.StartCheck;

/**
 * A failed or rolled-back change tried again (chat-backend: "Fallback: Second Tuesday if first
 * window fails"): allowed only to a class with fallback windows, inside one of its windows or
 * fallback windows and outside every freeze, by whoever may start it. No override: outside them,
 * the retry is a new request.
 */
final class FallbackRetry {

    private FallbackRetry() {
    }

    static Verdict retry(Change change, Actor actor, Situation situation) {
        var id = change.id();
        var policy = situation.policy();
        var changeClass = policy.changeClass(change.changeClass());
        if (changeClass.isEmpty() || changeClass.get().fallbackWindows().isEmpty()) {
            return new Verdict.Refused(id + " is " + change.state().label() + "; its class has no fallback window to"
                    + " retry it in: request it again with `/change new`.");
        }
        if (!change.requesterId().equals(actor.userId()) && actor.roles().isEmpty() && !actor.isPipeline()) {
            return new Verdict.Refused("Only the requester of " + id + " or someone holding a policy role can retry it.");
        }
        var now = situation.now();
        var check = StartCheck.of(policy, changeClass.get(), WorkRules.target(change, policy), situation.calendar(), now,
                actor.roles(), true);
        if (!check.allowed()) {
            return new Verdict.Refused(id + " is " + change.state().label() + ". A retry goes inside a window of its class,"
                    + " its fallback window included, and outside any freeze: " + check.summary()
                    + " Outside them, request it again with `/change new`.");
        }
        return Verdict.Accepted.of(new ChangeEvent.ChangeRetried(id, actor.userId(), now, change.state()));
    }
}
