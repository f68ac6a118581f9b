package dev.changebot.application.query;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.Service;
import dev.changebot.domain.rules.ChangeApprovals;
import dev.changebot.domain.approval.StageApprovals;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Puts a change together with its class and approval ladder, for every place that shows it. */
@Singleton
public class ChangeViews {

    private final Policy policy;
    /** The policy's roles by label: the same for every view, so made once, not on each request. */
    private final java.util.Map<String, String> roleLabels;

    public ChangeViews(Policy policy) {
        this.policy = policy;
        var labels = new java.util.HashMap<String, String>();
        policy.roles().forEach((name, role) -> labels.put(name, role.label()));
        this.roleLabels = java.util.Map.copyOf(labels);
    }

    public ChangeView of(Change change) {
        var changeClass = policy.changeClass(change.changeClass());
        var label = changeClass.map(ChangeClass::label).orElse(change.changeClass());
        var next = change.isEmergency() ? Optional.<DeploymentPlan.NextDeployment>empty()
                : changeClass.map(c -> policy.planFor(c, change.service()))
                        .flatMap(plan -> plan.next(change.stagesPassed(), change.rolloutPercent()));
        var service = change.service().map(s -> policy.service(s).map(Service::label).orElse(s));
        return new ChangeView(change, label, ChangeApprovals.progress(policy, change), next, service, Optional.empty(),
                roleLabels, StageApprovals.of(policy, change));
    }
}
