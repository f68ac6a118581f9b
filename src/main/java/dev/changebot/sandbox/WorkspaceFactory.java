package dev.changebot.sandbox;

import dev.changebot.domain.policy.Policy;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The sandbox's workspace, seeded from the policy the bot enforces. */
@Factory
class WorkspaceFactory {

    @Singleton
    @Requires(condition = SandboxOn.class)
    Workspace workspace(Policy policy, Clock clock) {
        var directory = WorkspaceSeed.directory(policy);
        return new Workspace(clock, Clock.systemUTC(), WorkspaceSeed.channels(policy), directory.people(),
                directory.groups());
    }
}
