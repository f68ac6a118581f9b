package dev.changebot.application.gate;

import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.change.ChangeService;
import dev.changebot.application.port.DeploymentReports;
import dev.changebot.application.port.Deployments;
import dev.changebot.application.port.GateChecks;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.gate.Deployment;
import dev.changebot.domain.gate.DeploymentRecorded;
import dev.changebot.domain.gate.DeploymentReport;
import dev.changebot.domain.gate.DeploymentStatus;
import dev.changebot.domain.gate.GateCheck;
import dev.changebot.domain.gate.GateReason;
import dev.changebot.domain.gate.GateState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.Actor;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.domain.token.ApiToken;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * `POST /api/v1/deployments` and GitHub's deployment statuses: every deployment reported is
 * recorded, whether or not anything stood behind it. One that an allowed gate check or an approved
 * change covers moves the change exactly as the buttons and `/change deployed` move it, through
 * {@link ChangeService} (a soak starts from a staging deployment, the change's message is updated in
 * place), as {@link Actor#pipeline}. One that nothing covers moves nothing and, when it succeeded,
 * is an unauthorized change ({@link UnauthorizedDeployments}). All of one report commits together
 * or not at all, and one key of a token is acted on once: a retry gets the first answer.
 */
@Singleton
public class ReportDeployments {

    private final GateChecks checks;
    private final DeploymentReports reports;
    private final Deployments deployments;
    private final UnauthorizedDeployments unauthorized;
    private final Changes changes;
    private final ChangeService service;
    private final Transactions transactions;
    private final Policy policy;
    private final Clock clock;

    public ReportDeployments(GateChecks checks, DeploymentReports reports, Deployments deployments,
                             UnauthorizedDeployments unauthorized, Changes changes, ChangeService service,
                             Transactions transactions, Policy policy, Clock clock) {
        this.checks = checks;
        this.reports = reports;
        this.deployments = deployments;
        this.unauthorized = unauthorized;
        this.changes = changes;
        this.service = service;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    public sealed interface Outcome {
    }

    public record Recorded(DeploymentRecorded recorded, boolean repeated) implements Outcome {
    }

    public record Problem(GateProblem problem) implements Outcome {
    }

    /** Who reports: a pipeline with its token (named by it), or GitHub (the App's principal, named by the login). */
    public record Reporter(ApiToken token, Deployment.Source source, String name) {

        public static Reporter pipeline(ApiToken token) {
            return new Reporter(token, Deployment.Source.API, token.name());
        }
    }

    /** Thrown inside the transaction so that nothing a refused report did so far is kept. */
    private static final class Refused extends RuntimeException {
        private final GateProblem problem;

        Refused(GateProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** A move of the change the rules refused: what it did so far is undone, and the report recorded without it. */
    private static final class MoveRefused extends RuntimeException {
        private final String reason;

        MoveRefused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    public Outcome report(ApiToken token, String idempotencyKey, DeploymentReport report, String requestBody) {
        return report(Reporter.pipeline(token), idempotencyKey, report, requestBody);
    }

    public Outcome report(Reporter reporter, String idempotencyKey, DeploymentReport report, String requestBody) {
        try {
            try {
                return transactions.inTransaction(() -> record(reporter, idempotencyKey, report, requestBody,
                        Optional.empty()));
            } catch (MoveRefused refused) {
                return transactions.inTransaction(() -> record(reporter, idempotencyKey, report, requestBody,
                        Optional.of(refused.reason)));
            }
        } catch (Refused refused) {
            return new Problem(refused.problem);
        }
    }

    private Outcome record(Reporter reporter, String key, DeploymentReport report, String requestBody,
                           Optional<String> refusedMove) {
        var token = reporter.token();
        checks.lockKey(token.id(), "deployment:" + key);
        var earlier = reports.byKey(token.id(), key);
        if (earlier.isPresent()) {
            return new Recorded(earlier.get(), true);
        }
        var target = target(token, report);
        // Without an allowed check, only the change's own rules can cover it: the moves they accept.
        var uncovered = target.uncoveredWhy().or(() -> target.check().isEmpty() ? refusedMove : Optional.empty());
        Optional<Change> moved = Optional.empty();
        if (uncovered.isEmpty() && refusedMove.isEmpty() && target.change().isPresent()) {
            moved = Optional.of(move(token, target, report));
        }
        var now = clock.instant();
        var deployment = new Deployment(token.workspaceId(), reporter.source(), reporter.name(), target.change(),
                target.check().map(GateCheck::id), target.service(), target.environment(), report.status(),
                report.percent(), report.sha(), report.version(), report.url(), report.pipeline(), report.startedAt(),
                report.finishedAt(), now, uncovered, report.codeTimes());
        var id = deployments.add(deployment);
        unauthorized.recorded(deployment, id);
        var change = moved.or(() -> target.change().flatMap(c -> changes.find(token.workspaceId(), c)));
        var recorded = new DeploymentRecorded(target.change(), target.environment(), report.status(),
                change.map(c -> c.state().label()), change.flatMap(Change::soak).map(s -> s.until()), uncovered,
                describe(deployment, change, refusedMove));
        reports.add(token.workspaceId(), token.id(), key, requestBody, recorded, id);
        return new Recorded(recorded, false);
    }

    /** Where the deployment went, for what, and why nothing covered it (before any move is tried). */
    private record Target(Optional<ChangeId> change, Optional<GateCheck> check, String environment,
                          Optional<String> service, Optional<String> uncoveredWhy) {
    }

    private Target target(ApiToken token, DeploymentReport report) {
        var target = report.check().isPresent() ? ofCheck(token, report)
                : report.change().isPresent() ? new Target(report.change(), Optional.empty(),
                        report.environment().orElseThrow(), report.service(), Optional.empty())
                : ofCommit(token, report);
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
        if (target.change().isPresent() && changes.find(token.workspaceId(), target.change().get()).isEmpty()) {
            throw new Refused(GateProblem.notFound(target.change().get().toString()));
        }
        return target;
    }

    private Target ofCheck(ApiToken token, DeploymentReport report) {
        var check = checks.byPublicId(token.workspaceId(), report.check().get())
                .orElseThrow(() -> new Refused(GateProblem.notFound("The check " + report.check().get())));
        if (report.environment().isPresent() && !report.environment().get().equals(check.environment())) {
            throw new Refused(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "environment_mismatch",
                    "The check " + check.publicId() + " is for " + check.environment() + ", not "
                            + report.environment().get() + "."));
        }
        var why = check.state() == GateState.ALLOWED ? Optional.<String>empty()
                : Optional.of("its gate check " + check.publicId() + " is " + check.state().code()
                        + reasons(check.verdict().reasons()));
        return new Target(Optional.of(check.change()), Optional.of(check), check.environment(),
                check.service().or(report::service), why);
    }

    /** Neither a check nor a change named: an allowed check of the same commit covers it, if there is one. */
    private Target ofCommit(ApiToken token, DeploymentReport report) {
        var environment = report.environment().orElseThrow();
        if (policy.hasServices() && report.service().isEmpty()) {
            throw new Refused(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "missing_field", "Name the service"
                    + " deployed ('service'), with the commit ('sha'), when the report names no check or change."));
        }
        var check = report.sha().flatMap(sha -> checks.allowedFor(token.workspaceId(), report.service(), environment,
                sha));
        if (check.isPresent()) {
            return new Target(Optional.of(check.get().change()), check, environment,
                    check.get().service().or(report::service), Optional.empty());
        }
        return new Target(Optional.empty(), Optional.empty(), environment, report.service(),
                Optional.of("no change and no allowed gate check" + report.sha().map(sha -> " of commit "
                        + sha.substring(0, Math.min(12, sha.length()))).orElse("") + " covers it"));
    }

    private static String reasons(List<GateReason> reasons) {
        return reasons.isEmpty() ? "" : " (" + String.join("; ", reasons.stream().map(GateReason::text).toList()) + ")";
    }

    private Change move(ApiToken token, Target target, DeploymentReport report) {
        var actor = Actor.pipeline(token.name());
        var id = target.change().orElseThrow();
        var current = changes.find(token.workspaceId(), id).orElseThrow();
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
                    throw new MoveRefused(id + " is " + current.state().label() + ": a deployment of it cannot start");
                }
            }
        }
        Change change = current;
        for (var command : commands) {
            var outcome = service.run(token.workspaceId(), id, actor, command);
            if (outcome instanceof ActionOutcome.Done done) {
                change = done.change();
            } else {
                throw new MoveRefused(reason(outcome));
            }
        }
        return change;
    }

    private static String reason(ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.Refused refused) {
            return refused.reason();
        }
        if (outcome instanceof ActionOutcome.NotFound notFound) {
            return notFound.id() + " is not known.";
        }
        if (outcome instanceof ActionOutcome.NeedsJustification || outcome instanceof ActionOutcome.AwaitingSigners) {
            return "the calendar does not allow it now and no override was signed in Slack";
        }
        return "nothing was done: " + ((ActionOutcome.Ignored) outcome).why();
    }

    private static String describe(Deployment deployment, Optional<Change> change, Optional<String> refusedMove) {
        var what = deployment.change().map(Object::toString).orElse("A deployment") + " "
                + deployment.status().code().replace('_', ' ') + " in " + deployment.environment();
        if (deployment.unauthorized()) {
            return "Recorded as an unauthorized deployment: " + stop(deployment.uncoveredWhy().get())
                    + " The escalation channel is told.";
        }
        if (!deployment.covered()) {
            return what + ": recorded, not covered: " + stop(deployment.uncoveredWhy().get());
        }
        if (refusedMove.isPresent()) {
            return what + ": recorded; the change did not move: " + stop(refusedMove.get());
        }
        var soak = change.flatMap(Change::soak).map(s -> "; soaking in " + s.environment() + " until " + s.until())
                .orElse("");
        return what + ": it is " + change.map(c -> c.state().label()).orElse("recorded") + soak + ".";
    }

    private static String stop(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
