package dev.changebot.application.query;

import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.policy.DeploymentPlan;
import java.util.Optional;

/**
 * A change with what a reader needs beside it: its class's label, where it stands on its approval
 * ladder, where its class's plan sends it next once the work is under way, and its service's label
 * (empty under a policy without services).
 */
public record ChangeView(Change change, String classLabel, ChainProgress ladder,
                         Optional<DeploymentPlan.NextDeployment> nextDeployment, Optional<String> serviceLabel) {

    public ChangeView(Change change, String classLabel, ChainProgress ladder,
                      Optional<DeploymentPlan.NextDeployment> nextDeployment) {
        this(change, classLabel, ladder, nextDeployment, Optional.empty());
    }
}
