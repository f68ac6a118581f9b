package dev.changebot.github;

import static dev.changebot.github.PayloadFields.number;
import static dev.changebot.github.PayloadFields.object;
import static dev.changebot.github.PayloadFields.text;

import com.google.gson.JsonObject;
import dev.changebot.application.github.DeploymentStatusEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code deployment_status} webhook (action {@code created}): the status's state and
 * environment (else the deployment's), the deployment's id, commit and payload, the repository, who
 * set the status, and the run (the {@code workflow_run} GitHub Actions adds, else the status's log
 * address). A payload missing any of state, deployment id, environment or repository is refused.
 */
final class DeploymentStatusWebhook {

    private DeploymentStatusWebhook() {
    }

    record Read(Optional<DeploymentStatusEvent> event, Optional<String> problem) {
        static Read problem(String why) {
            return new Read(Optional.empty(), Optional.of(why));
        }
    }

    static Read read(JsonObject payload, String deliveryId) {
        var status = object(payload, "deployment_status");
        var deployment = object(payload, "deployment");
        var state = status.flatMap(s -> text(s, "state"));
        var deploymentId = deployment.flatMap(d -> number(d, "id"));
        var environment = status.flatMap(s -> text(s, "environment")).or(() -> deployment.flatMap(d -> text(d, "environment")));
        var repository = object(payload, "repository").flatMap(r -> text(r, "full_name"));
        if (state.isEmpty()) {
            return Read.problem("deployment_status.state is missing");
        }
        if (deploymentId.isEmpty()) {
            return Read.problem("deployment.id is missing");
        }
        if (environment.isEmpty()) {
            return Read.problem("the deployment's environment is missing");
        }
        if (repository.isEmpty() || !repository.get().matches("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")) {
            return Read.problem("repository.full_name is missing or not owner/name");
        }
        var run = object(payload, "workflow_run");
        var runUrl = run.flatMap(r -> text(r, "html_url"))
                .or(() -> status.flatMap(s -> text(s, "log_url")))
                .or(() -> status.flatMap(s -> text(s, "target_url")));
        var creator = status.flatMap(s -> object(s, "creator")).flatMap(c -> text(c, "login"))
                .or(() -> object(payload, "sender").flatMap(s -> text(s, "login")));
        return new Read(Optional.of(new DeploymentStatusEvent(deliveryId, repository.get(), deploymentId.get(),
                environment.get(), state.get(), deployment.flatMap(d -> text(d, "sha")), creator,
                status.flatMap(s -> text(s, "environment_url")), runUrl,
                run.flatMap(r -> number(r, "id")).map(String::valueOf),
                ProtectionRuleWebhook.changeNamed(payload, deployment), status.flatMap(s -> time(s, "created_at")))),
                Optional.empty());
    }

    private static Optional<Instant> time(JsonObject parent, String name) {
        try {
            return text(parent, name).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
