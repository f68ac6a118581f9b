package dev.changebot.application;

import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.rules.ChangeCommand;
import jakarta.inject.Singleton;
import java.util.OptionalInt;

/**
 * "Deployed to staging" starts the policy's soak for that environment, on a durable timer;
 * "rolled back", "failed" and "done" end the work, aborting a soak in progress.
 */
@Singleton
public class DeployChange {

    private final ChangeService service;

    public DeployChange(ChangeService service) {
        this.service = service;
    }

    /** The answer for the person: what happens now, or why not. */
    public String deployed(String workspaceId, ChangeId id, String userId, String environment, OptionalInt percent) {
        return answer(id, service.run(workspaceId, id, userId, new ChangeCommand.ReportDeployment(environment, percent)));
    }

    public String finished(String workspaceId, ChangeId id, String userId, ChangeState outcome) {
        return answer(id, service.run(workspaceId, id, userId, new ChangeCommand.Finish(outcome)));
    }

    private static String answer(ChangeId id, ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.NotFound) {
            throw new NoSuchChangeException(id);
        }
        if (outcome instanceof ActionOutcome.Refused refused) {
            return refused.reason();
        }
        var event = ((ActionOutcome.Done) outcome).events().get(0);
        if (event instanceof ChangeEvent.ChangeDeployed deployed) {
            return deployed.soakUntil() == null ? id + " is deployed to " + deployed.environment() + "."
                    : id + " is soaking in " + deployed.label() + " until " + deployed.soakUntil() + ".";
        }
        return id + " is " + ((ChangeEvent.ChangeFinished) event).outcome().label() + ".";
    }
}
