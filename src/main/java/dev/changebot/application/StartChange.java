package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.policy.StartCheck;
import dev.changebot.domain.rules.ChangeCommand;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Starting an approved change re-checks the calendar at that moment. Inside a freeze or outside
 * a window only the policy's override roles may start it, with a written justification that is
 * recorded as an exception.
 */
@Singleton
public class StartChange {

    private final ChangeService service;

    public StartChange(ChangeService service) {
        this.service = service;
    }

    public Outcome start(String workspaceId, ChangeId id, String userId, Optional<String> justification) {
        var outcome = service.run(workspaceId, id, userId, new ChangeCommand.Start(justification));
        if (outcome instanceof ActionOutcome.Done done) {
            return new Outcome.Started(done.change());
        }
        if (outcome instanceof ActionOutcome.NeedsJustification needs) {
            return new Outcome.Blocked(needs.check());
        }
        if (outcome instanceof ActionOutcome.AwaitingSigners awaiting) {
            return new Outcome.AwaitingSigners(awaiting.change(), awaiting.missing());
        }
        if (outcome instanceof ActionOutcome.NotFound) {
            throw new NoSuchChangeException(id);
        }
        return new Outcome.Refused(((ActionOutcome.Refused) outcome).reason());
    }

    public sealed interface Outcome {

        record Started(Change change) implements Outcome {
        }

        /** The calendar says no and this person may sign an override: a justification is needed. */
        record Blocked(StartCheck check) implements Outcome {
        }

        /** Signed; the override still needs other people's roles ({@code missing} says which). */
        record AwaitingSigners(Change change, String missing) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }
}
