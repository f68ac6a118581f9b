package dev.changebot.application.gate;

import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.Risk;
import dev.changebot.domain.gate.GateRequest;
import dev.changebot.domain.policy.ChangeClass;
import java.time.Duration;
import java.time.Instant;

/**
 * The record a gate check writes for a deploy of a pre-approved class that no one requested in Slack:
 * what was deployed, where from and by whom, so "pre-approved via automated gates" leaves the same
 * trail as a change someone requested.
 */
final class PreApprovedChange {

    /** How long such a deploy is expected to take: the record needs one; pipelines rarely say. */
    static final Duration EXPECTED = Duration.ofMinutes(30);

    private PreApprovedChange() {
    }

    static ChangeDetails details(GateRequest request, ChangeClass changeClass, String tokenName, Instant now) {
        var service = request.service().orElseThrow();
        var sha = request.sha().orElseThrow();
        var shortSha = sha.length() > 12 ? sha.substring(0, 12) : sha;
        var ref = request.ref().map(r -> " (" + r + ")").orElse("");
        var pipeline = request.pipeline().map(GateRequest.Pipeline::describe).filter(p -> !p.isBlank())
                .orElse("a pipeline");
        var actor = request.actor().map(a -> ", run by " + a).orElse("");
        var title = "Deploy " + service + " " + shortSha + " to " + request.environment();
        var description = title + ref + ", asked by " + pipeline + actor + " with the API token " + tokenName + ".";
        return new ChangeDetails(title, description, changeClass.label() + ": pre-approved by the policy.", service,
                request.environment(), Risk.LOW, "Deployed by " + pipeline + " at commit " + sha + ref + ".",
                "Redeploy the previous version through the same pipeline.",
                request.pipeline().flatMap(GateRequest.Pipeline::url).orElse("The pipeline's own checks."),
                now, EXPECTED);
    }
}
