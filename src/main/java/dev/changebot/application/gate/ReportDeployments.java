package dev.changebot.application.gate;

import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.change.ChangeService;
import dev.changebot.application.port.DeploymentReports;
import dev.changebot.application.port.GateChecks;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.gate.DeploymentRecorded;
import dev.changebot.domain.gate.DeploymentReport;
import dev.changebot.domain.gate.DeploymentStatus;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.Actor;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.domain.token.ApiToken;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Optional;

/**
 * `POST /api/v1/deployments`: a pipeline reports a deployment, and the change moves exactly as the
 * buttons and `/change deployed` move it, through {@link ChangeService} (a soak starts from a staging
 * deployment, the change's message is updated in place). Reported by the pipeline with its token, as
 * {@link Actor#pipeline}. All the moves of one report commit together or not at all, and one key of
 * a token is acted on once: a retry gets the first answer.
 */
@Singleton
public class ReportDeployments {

    private final GateChecks checks;
    private final DeploymentReports reports;
    private final Changes changes;
    private final ChangeService service;
    private final Transactions transactions;
    private final Policy policy;

    public ReportDeployments(GateChecks checks, DeploymentReports reports, Changes changes, ChangeService service,
                             Transactions transactions, Policy policy) {
        this.checks = checks;
        this.reports = reports;
        this.changes = changes;
        this.service = service;
        this.transactions = transactions;
        this.policy = policy;
    }

    public sealed interface Outcome {
    }

    public record Recorded(DeploymentRecorded recorded, boolean repeated) implements Outcome {
    }

    public record Problem(GateProblem problem) implements Outcome {
    }

    /** Thrown inside the transaction so that nothing a refused report did so far is kept. */
    private static final class Refused extends RuntimeException {
        private final GateProblem problem;

        Refused(GateProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    public Outcome report(ApiToken token, String idempotencyKey, DeploymentReport report, String requestBody) {
        try {
            return transactions.inTransaction(() -> {
                checks.lockKey(token.id(), "deployment:" + idempotencyKey);
                var earlier = reports.byKey(token.id(), idempotencyKey);
                if (earlier.isPresent()) {
                    return new Recorded(earlier.get(), true);
                }
                var target = target(token, report);
                var recorded = move(token, target, report);
                reports.add(token.workspaceId(), token.id(), idempotencyKey, requestBody, recorded);
                return new Recorded(recorded, false);
            });
        } catch (Refused refused) {
            return new Problem(refused.problem);
        }
    }

    private record Target(ChangeId change, String environment, Optional<String> service) {
    }

    private Target target(ApiToken token, DeploymentReport report) {
        Target target;
        if (report.check().isPresent()) {
            var check = checks.byPublicId(token.workspaceId(), report.check().get())
                    .orElseThrow(() -> new Refused(GateProblem.notFound("The check " + report.check().get())));
            if (report.environment().isPresent() && !report.environment().get().equals(check.environment())) {
                throw new Refused(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "environment_mismatch",
                        "The check " + check.publicId() + " is for " + check.environment() + ", not "
                                + report.environment().get() + "."));
            }
            target = new Target(check.change(), check.environment(), check.service().or(report::service));
        } else {
            target = new Target(report.change().orElseThrow(), report.environment().orElseThrow(), report.service());
        }
        if (!policy.environments().contains(target.environment())) {
            throw new Refused(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "unknown_environment",
                    "'" + target.environment() + "' is not an environment of the policy: "
                            + String.join(", ", policy.environments()) + "."));
        }
        if (!token.scope().allowsEnvironment(target.environment())
                || !token.scope().allowsService(target.service().orElse(null))) {
            throw new Refused(new GateProblem(GateProblem.Kind.FORBIDDEN, "out_of_scope", "The token '" + token.name()
                    + "' may act only on " + token.scope().describe() + "."));
        }
        if (changes.find(token.workspaceId(), target.change()).isEmpty()) {
            throw new Refused(GateProblem.notFound(target.change().toString()));
        }
        return target;
    }

    private DeploymentRecorded move(ApiToken token, Target target, DeploymentReport report) {
        var actor = Actor.pipeline(token.name());
        var current = changes.find(token.workspaceId(), target.change()).orElseThrow();
        var commands = new ArrayList<ChangeCommand>();
        // Work on an approved change begins with its first deployment, as when its requester starts it.
        if (current.state() == ChangeState.APPROVED) {
            commands.add(new ChangeCommand.Start(Optional.empty()));
        }
        switch (report.status()) {
            case SUCCEEDED -> commands.add(new ChangeCommand.ReportDeployment(target.environment(), report.percent()));
            case FAILED -> commands.add(new ChangeCommand.Finish(ChangeState.FAILED));
            case ROLLED_BACK -> commands.add(new ChangeCommand.Finish(ChangeState.ROLLED_BACK));
            case STARTED -> {
                if (commands.isEmpty() && current.state() != ChangeState.IN_PROGRESS
                        && current.state() != ChangeState.SOAKING) {
                    throw new Refused(new GateProblem(GateProblem.Kind.CONFLICT, "refused", target.change() + " is "
                            + current.state().label() + ": a deployment of it cannot start."));
                }
            }
        }
        Change change = current;
        for (var command : commands) {
            var outcome = service.run(token.workspaceId(), target.change(), actor, command);
            if (outcome instanceof ActionOutcome.Done done) {
                change = done.change();
            } else {
                throw new Refused(new GateProblem(GateProblem.Kind.CONFLICT, "refused", reason(outcome)));
            }
        }
        var soak = change.soak().map(s -> s.until());
        return new DeploymentRecorded(target.change(), target.environment(), report.status(), change.state().label(),
                soak, describe(change, target, report.status()));
    }

    private static String reason(ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.Refused refused) {
            return refused.reason();
        }
        if (outcome instanceof ActionOutcome.NotFound notFound) {
            return notFound.id() + " is not known.";
        }
        if (outcome instanceof ActionOutcome.NeedsJustification || outcome instanceof ActionOutcome.AwaitingSigners) {
            return "The calendar does not allow it now: an override must be signed in Slack first.";
        }
        return "Nothing was done: " + ((ActionOutcome.Ignored) outcome).why() + ".";
    }

    private static String describe(Change change, Target target, DeploymentStatus status) {
        var soak = change.soak().map(s -> "; soaking in " + s.environment() + " until " + s.until()).orElse("");
        return change.id() + " " + status.code().replace('_', ' ') + " in " + target.environment() + ": it is "
                + change.state().label() + soak + ".";
    }
}
