package dev.changebot.application.query;

import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.gate.PipelineRun;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.schedule.Conflict;
import dev.changebot.domain.approval.StageApprovals;
import java.util.Optional;

/**
 * A change with what a reader needs beside it: its class's label, where it stands on its approval
 * ladder, where its class's plan sends it next once the work is under way, its service's label
 * (empty under a policy without services), and the CI run behind its latest gate check or
 * deployment (where the channel message shows it; read with the message's delivery), and the
 * approvals its policy asks during the deployment, with what is due now; and the open conflicts of its
 * planned window with other changes (computed for the channel message when it is delivered, else empty).
 */
public record ChangeView(Change change, String classLabel, ChainProgress ladder,
                         Optional<DeploymentPlan.NextDeployment> nextDeployment, Optional<String> serviceLabel,
                         Optional<PipelineRun> pipeline, java.util.Map<String, String> roleLabels,
                         java.util.List<StageApprovals.Status> stageApprovals,
                         java.util.List<Conflict> openConflicts) {

    public ChangeView {
        stageApprovals = java.util.List.copyOf(stageApprovals);
        openConflicts = java.util.List.copyOf(openConflicts);
    }

    public ChangeView(Change change, String classLabel, ChainProgress ladder,
                      Optional<DeploymentPlan.NextDeployment> nextDeployment, Optional<String> serviceLabel,
                      Optional<PipelineRun> pipeline, java.util.Map<String, String> roleLabels,
                      java.util.List<StageApprovals.Status> stageApprovals) {
        this(change, classLabel, ladder, nextDeployment, serviceLabel, pipeline, roleLabels, stageApprovals,
                java.util.List.of());
    }

    public ChangeView(Change change, String classLabel, ChainProgress ladder,
                      Optional<DeploymentPlan.NextDeployment> nextDeployment, Optional<String> serviceLabel,
                      Optional<PipelineRun> pipeline, java.util.Map<String, String> roleLabels) {
        this(change, classLabel, ladder, nextDeployment, serviceLabel, pipeline, roleLabels, java.util.List.of());
    }

    public ChangeView(Change change, String classLabel, ChainProgress ladder,
                      Optional<DeploymentPlan.NextDeployment> nextDeployment, Optional<String> serviceLabel,
                      Optional<PipelineRun> pipeline) {
        this(change, classLabel, ladder, nextDeployment, serviceLabel, pipeline, java.util.Map.of());
    }

    /** How people know a role of the policy: its label, or its name when the policy gives none. */
    public String roleLabel(String role) {
        return roleLabels.getOrDefault(role, role);
    }

    public ChangeView(Change change, String classLabel, ChainProgress ladder,
                      Optional<DeploymentPlan.NextDeployment> nextDeployment) {
        this(change, classLabel, ladder, nextDeployment, Optional.empty(), Optional.empty());
    }

    public ChangeView(Change change, String classLabel, ChainProgress ladder,
                      Optional<DeploymentPlan.NextDeployment> nextDeployment, Optional<String> serviceLabel) {
        this(change, classLabel, ladder, nextDeployment, serviceLabel, Optional.empty());
    }

    /** The same view, showing this pipeline run. */
    public ChangeView with(Optional<PipelineRun> run) {
        return new ChangeView(change, classLabel, ladder, nextDeployment, serviceLabel, run, roleLabels, stageApprovals,
                openConflicts);
    }

    /** The same view, showing these conflicts with other open changes. */
    public ChangeView withConflicts(java.util.List<Conflict> conflicts) {
        return new ChangeView(change, classLabel, ladder, nextDeployment, serviceLabel, pipeline, roleLabels,
                stageApprovals, conflicts);
    }
}
