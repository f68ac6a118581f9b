package dev.changebot.application.github;

import dev.changebot.application.gate.OpenGateCheck;
import dev.changebot.application.port.GitHubProtectionRequests;
import dev.changebot.application.port.GitHubReplies;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.audit.CanonicalJson;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.GateRequest;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * GitHub's deployment protection requests from arrival to answer. Each is kept once (GitHub
 * redelivers) and, in the same transaction, decided through a gate check exactly as a pipeline's
 * check is: the repository names the policy's service (its {@code repositories}), GitHub's environment
 * the policy's, the run names its change ({@code CHG-42} in the branch, the deployment's payload or a
 * pull request) or is a deploy of a pre-approved class. The check's decision goes back to GitHub as a
 * status report while it waits and one review when it settles ({@link GitHubVerdicts}), queued with
 * the fact and sent by {@code DeliverGitHubReplies}. A request that cannot be decided as asked (an
 * unmapped repository, an unknown environment) is rejected with the reason: the gate fails closed.
 */
@Singleton
public class GitHubDeployments {

    /** GitHub's limit for a status report's or review's comment, in characters. */
    public static final int MAX_COMMENT = 1024;

    private final GitHubProtectionRequests requests;
    private final GitHubReplies replies;
    private final GitHubVerdicts verdicts;
    private final OpenGateCheck gate;
    private final GitHubPrincipal principal;
    private final Policy policy;
    private final Transactions transactions;
    private final Clock clock;

    public GitHubDeployments(GitHubProtectionRequests requests, GitHubReplies replies, GitHubVerdicts verdicts,
                             OpenGateCheck gate, GitHubPrincipal principal, Policy policy, Transactions transactions,
                             Clock clock) {
        this.requests = requests;
        this.replies = replies;
        this.verdicts = verdicts;
        this.gate = gate;
        this.principal = principal;
        this.policy = policy;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Keeps and decides the request; empty for a redelivery, which changes nothing. */
    public Optional<Long> requested(ProtectionRequest request) {
        return transactions.inTransaction(() -> {
            var kept = requests.keep(request);
            kept.ifPresent(id -> decide(id, request));
            return kept;
        });
    }

    private void decide(long requestId, ProtectionRequest request) {
        var now = clock.instant();
        var workspace = principal.workspace();
        if (workspace.isEmpty()) {
            replies.review(requestId, false, cut(GitHubVerdicts.refusal("Changebot does not know which Slack workspace"
                    + " this repository's changes are in: set CHANGEBOT_GITHUB_WORKSPACE.")), now);
            return;
        }
        var service = policy.hasServices() ? policy.serviceDeployedFrom(request.repository()) : Optional.<String>empty();
        if (policy.hasServices() && service.isEmpty()) {
            replies.review(requestId, false, cut(GitHubVerdicts.refusal(request.repository() + " is not deployed as any"
                    + " service of the change policy: add it to a service's repositories.")), now);
            return;
        }
        var environment = policy.environments().stream()
                .filter(e -> e.equalsIgnoreCase(request.environment())).findFirst();
        if (environment.isEmpty()) {
            replies.review(requestId, false, cut(GitHubVerdicts.refusal("GitHub's environment '" + request.environment()
                    + "' is not one of the change policy's (" + String.join(", ", policy.environments()) + ").")), now);
            return;
        }
        var asked = new GateRequest(request.changeNumber().map(ChangeId::new),
                service.or(() -> policy.hasServices() ? Optional.empty() : Optional.of(repositoryName(request))),
                environment.get(), request.sha(), request.ref(),
                Optional.of(new GateRequest.Pipeline(Optional.of("github"), Optional.of(request.repository()),
                        Optional.of(Long.toString(request.runId())), Optional.empty(), Optional.empty())),
                request.sender(), Optional.empty(), Optional.empty());
        var outcome = gate.open(principal.in(workspace.get()), "github:" + request.deliveryId(), asked,
                requestBody(request));
        if (outcome instanceof OpenGateCheck.Problem problem) {
            replies.review(requestId, false, cut(GitHubVerdicts.refusal(problem.problem().message())), now);
            return;
        }
        var check = ((OpenGateCheck.Answered) outcome).answer().check();
        requests.link(requestId, check.id());
        verdicts.tell(requestId, check, now);
    }

    /** What the check keeps of the request, as a pipeline's body would say it: the commit, the ref, the run. */
    private static String requestBody(ProtectionRequest request) {
        var body = new java.util.TreeMap<String, Object>();
        request.sha().ifPresent(sha -> body.put("sha", sha));
        request.ref().ifPresent(ref -> body.put("ref", ref));
        var pipeline = new java.util.TreeMap<String, Object>();
        pipeline.put("provider", "github");
        pipeline.put("run", Long.toString(request.runId()));
        request.runUrl().ifPresent(url -> pipeline.put("url", url));
        body.put("pipeline", pipeline);
        return CanonicalJson.write(body);
    }

    /** Under a policy without services, a pre-approved deploy names its repository as the service. */
    private static String repositoryName(ProtectionRequest request) {
        return request.repository().substring(request.repository().indexOf('/') + 1).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "-");
    }

    /** Tells GitHub where the request stands; false once GitHub's ten reports per deployment are used. */
    public boolean report(long requestId, String text) {
        return transactions.inTransaction(() -> replies.report(requestId, cut(text), clock.instant()));
    }

    /** Approves or rejects the run, once; false when it was decided before. */
    public boolean decide(long requestId, boolean approved, String comment) {
        return transactions.inTransaction(() -> replies.review(requestId, approved, cut(comment), clock.instant()));
    }

    /** At most {@link #MAX_COMMENT} characters, never splitting a surrogate pair, marked when cut. */
    static String cut(String text) {
        if (text.length() <= MAX_COMMENT) {
            return text;
        }
        int end = MAX_COMMENT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
