package dev.changebot.domain.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service the team changes (API, Homepage...), as the policy's {@code services:} section names it:
 * who owns it, where it is deployed, and how its changes differ from the class's rules. A policy
 * without services has one implicit service and none of these.
 *
 * @param environments   where it may be deployed; empty means every environment of the policy
 * @param classOverrides a request of class key for this service is handled as class value
 *                       ("a standard change to the homepage is a significant one")
 * @param extraSteps     approval steps its changes need after their class's own steps
 * @param repositories   the GitHub repositories ("owner/name") it is deployed from: how a GitHub
 *                       deployment protection request finds its service
 * @param stageApprovals approvals its changes need during the deployment, after their class's own
 *                       (Mixpeek's homepage: "explicit approval before push")
 * @param dependsOn      the services it depends on ({@code depends_on}): a change to one of them
 *                       planned over a change to this one is a conflict, both ways
 */
public record Service(String name, String label, String owner, List<String> environments,
                      Map<String, String> classOverrides, List<ApprovalStep> extraSteps, List<String> repositories,
                      List<StageApproval> stageApprovals, List<String> dependsOn) {

    /** A service that depends on no other. */
    public Service(String name, String label, String owner, List<String> environments,
                   Map<String, String> classOverrides, List<ApprovalStep> extraSteps, List<String> repositories,
                   List<StageApproval> stageApprovals) {
        this(name, label, owner, environments, classOverrides, extraSteps, repositories, stageApprovals, List.of());
    }

    /** A service whose changes need no approval during the deployment beyond their class's. */
    public Service(String name, String label, String owner, List<String> environments,
                   Map<String, String> classOverrides, List<ApprovalStep> extraSteps, List<String> repositories) {
        this(name, label, owner, environments, classOverrides, extraSteps, repositories, List.of());
    }

    public Service {
        environments = List.copyOf(environments);
        classOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(classOverrides));
        extraSteps = List.copyOf(extraSteps);
        repositories = List.copyOf(repositories);
        stageApprovals = List.copyOf(stageApprovals);
        dependsOn = List.copyOf(dependsOn);
    }

    /** A service deployed from no repository the policy names. */
    public Service(String name, String label, String owner, List<String> environments,
                   Map<String, String> classOverrides, List<ApprovalStep> extraSteps) {
        this(name, label, owner, environments, classOverrides, extraSteps, List.of());
    }

    /** Whether it is deployed from {@code repository} ("owner/name"; GitHub's names ignore case). */
    public boolean deployedFrom(String repository) {
        return repositories.stream().anyMatch(r -> r.equalsIgnoreCase(repository));
    }

    /** Whether this service may be deployed to {@code environment}, one of {@code policyEnvironments}. */
    public boolean deploysTo(String environment, List<String> policyEnvironments) {
        return environmentsIn(policyEnvironments).contains(environment);
    }

    public List<String> environmentsIn(List<String> policyEnvironments) {
        return environments.isEmpty() ? policyEnvironments : environments;
    }

    /** The class a request of {@code requested} is handled as for this service, when it overrides that class. */
    public Optional<String> overrideOf(String requested) {
        return Optional.ofNullable(classOverrides.get(requested));
    }
}
