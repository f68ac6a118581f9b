package dev.changebot.sandbox;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * The condition of every sandbox bean: with real Slack credentials (or CHANGEBOT_SANDBOX=false) they
 * are not even defined, so no /sandbox route exists and nothing of the stand-in runs.
 */
public final class SandboxOn implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        return SandboxMode.of(context).on();
    }
}
