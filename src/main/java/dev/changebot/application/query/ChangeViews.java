package dev.changebot.application.query;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.DeploymentPlan;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.Service;
import dev.changebot.domain.rules.ChangeApprovals;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Puts a change together with its class and approval ladder, for every place that shows it. */
@Singleton
public class ChangeViews {

    private final Policy policy;

    public ChangeViews(Policy policy) {
        this.policy = policy;
    }

    public ChangeView of(Change change) {
        var changeClass = policy.changeClass(change.changeClass());
        var label = changeClass.map(ChangeClass::label).orElse(change.changeClass());
        var next = change.isEmergency() ? Optional.<DeploymentPlan.NextDeployment>empty()
                : changeClass.map(c -> policy.planFor(c, change.service()))
                        .flatMap(plan -> plan.next(change.stagesPassed(), change.rolloutPercent()));
        var service = change.service().map(s -> policy.service(s).map(Service::label).orElse(s));
        var roleLabels = new java.util.HashMap<String, String>();
        policy.roles().forEach((name, role) -> roleLabels.put(name, role.label()));
        return new ChangeView(change, label, ChangeApprovals.progress(policy, change), next, service, Optional.empty(),
                roleLabels);
    }
}
