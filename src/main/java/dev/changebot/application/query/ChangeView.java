package dev.changebot.application.query;

import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.policy.DeploymentPlan;
import java.util.Optional;

/**
 * A change with what a reader needs beside it: its class's label, where it stands on its approval
 * ladder, and where its class's plan sends it next once the work is under way.
 */
public record ChangeView(Change change, String classLabel, ChainProgress ladder,
                         Optional<DeploymentPlan.NextDeployment> nextDeployment) {
}
