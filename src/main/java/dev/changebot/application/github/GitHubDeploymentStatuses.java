package dev.changebot.application.github;

import dev.changebot.application.gate.ReportDeployments;
import dev.changebot.application.port.GitHubProtectionRequests;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.Deployment;
import dev.changebot.domain.gate.CodeTimes;
import dev.changebot.domain.gate.DeploymentReport;
import dev.changebot.domain.gate.DeploymentStatus;
import dev.changebot.domain.gate.PipelineRun;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * GitHub's deployment statuses as deployments, recorded as a pipeline's report is
 * ({@link ReportDeployments}): against the gate check that decided the run's protection request when
 * there was one, else against the change the deployment names, else as a deploy of the repository's
 * service — which only an allowed check of the same commit covers. {@code in_progress} is a start,
 * {@code success} a success, {@code failure} and {@code error} a failure; the waiting states and
 * {@code inactive} (a newer deployment replaced this one) record nothing. Each delivery is acted on once.
 */
@Singleton
public class GitHubDeploymentStatuses {

    private final GitHubPrincipal principal;
    private final GitHubProtectionRequests requests;
    private final ReportDeployments reports;
    private final Policy policy;
    private final Transactions transactions;

    public GitHubDeploymentStatuses(GitHubPrincipal principal, GitHubProtectionRequests requests,
                                    ReportDeployments reports, Policy policy, Transactions transactions) {
        this.principal = principal;
        this.requests = requests;
        this.reports = reports;
        this.policy = policy;
        this.transactions = transactions;
    }

    /** What became of a status: recorded (or a redelivery of one that was), or ignored and why. */
    public sealed interface Result {
    }

    public record Recorded(boolean redelivery, boolean covered) implements Result {
    }

    public record Ignored(String why) implements Result {
    }

    public Result reported(DeploymentStatusEvent event) {
        var status = status(event.state());
        if (status.isEmpty()) {
            return new Ignored("a deployment " + event.state() + " is not a deployment yet");
        }
        var environment = policy.environments().stream().filter(e -> e.equalsIgnoreCase(event.environment()))
                .findFirst();
        if (environment.isEmpty()) {
            return new Ignored("GitHub's environment '" + event.environment() + "' is not one of the change policy's");
        }
        var service = policy.hasServices() ? policy.serviceDeployedFrom(event.repository()) : Optional.<String>empty();
        if (policy.hasServices() && service.isEmpty()) {
            return new Ignored(event.repository() + " is not deployed as any service of the change policy");
        }
        var prepared = transactions.inTransaction(() -> principal.workspace().map(workspace ->
                new Prepared(principal.in(workspace), requests.checkOfDeployment(event.repository(), event.deploymentId()))));
        if (prepared.isEmpty()) {
            return new Ignored("the Slack workspace of this repository's changes is not known: set CHANGEBOT_GITHUB_WORKSPACE");
        }
        var check = prepared.get().check();
        var report = new DeploymentReport(check, check.isPresent() ? Optional.empty() : event.changeNumber().map(ChangeId::new),
                environment, service, status.get(), OptionalInt.empty(), Optional.empty(), event.environmentUrl(),
                Optional.empty(), Optional.empty(), event.sha(),
                event.runUrl().map(url -> new PipelineRun(url, Optional.of("github"), event.runId())),
                // A deployment_status names the commit but not when it was made or its pull request opened.
                CodeTimes.NONE);
        var reporter = new ReportDeployments.Reporter(prepared.get().token(), Deployment.Source.GITHUB,
                event.creator().orElse("github"));
        var outcome = reports.report(reporter, "github:" + event.deliveryId(), report, summary(event));
        if (outcome instanceof ReportDeployments.Problem problem) {
            return new Ignored(problem.problem().message());
        }
        var recorded = (ReportDeployments.Recorded) outcome;
        return new Recorded(recorded.repeated(), recorded.recorded().covered());
    }

    private record Prepared(dev.changebot.domain.token.ApiToken token, Optional<String> check) {
    }

    private static Optional<DeploymentStatus> status(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "in_progress" -> Optional.of(DeploymentStatus.STARTED);
            case "success" -> Optional.of(DeploymentStatus.SUCCEEDED);
            case "failure", "error" -> Optional.of(DeploymentStatus.FAILED);
            default -> Optional.empty();
        };
    }

    /** What the report keeps of GitHub's payload: the facts read from it, not the whole of it. */
    private static String summary(DeploymentStatusEvent event) {
        var json = new java.util.TreeMap<String, Object>();
        json.put("repository", event.repository());
        json.put("deployment_id", event.deploymentId());
        json.put("environment", event.environment());
        json.put("state", event.state());
        event.sha().ifPresent(sha -> json.put("sha", sha));
        event.runUrl().ifPresent(url -> json.put("run_url", url));
        return dev.changebot.domain.audit.CanonicalJson.write(json);
    }
}
