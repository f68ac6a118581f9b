package dev.changebot.api;

import com.google.gson.JsonObject;
import dev.changebot.application.gate.ReportDeployments;
import dev.changebot.domain.gate.DeploymentRecorded;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * `POST /api/v1/deployments`: started, succeeded, failed or rolled back, for a check, a change, or a
 * service and commit. Every report is recorded (201); {@code authorized} says whether an allowed
 * check or an approved change covered it, and {@code reason} why not.
 */
@Controller("/api/v1/deployments")
class DeploymentsController {

    private final BearerTokens tokens;
    private final ReportDeployments reports;

    DeploymentsController(BearerTokens tokens, ReportDeployments reports) {
        this.tokens = tokens;
        this.reports = reports;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> report(HttpRequest<?> request, @Nullable @Body String body) {
        return ApiCalls.answer(() -> {
            var token = tokens.writer(request);
            var key = BearerTokens.idempotencyKey(request);
            var report = GateRequests.deployment(body);
            var outcome = reports.report(token, key, report, body);
            if (outcome instanceof ReportDeployments.Problem problem) {
                throw ApiCalls.error(problem.problem());
            }
            var recorded = ((ReportDeployments.Recorded) outcome).recorded();
            return tokens.served(token, HttpResponse.<String>status(HttpStatus.CREATED).body(json(recorded))
                    .contentType(MediaType.APPLICATION_JSON_TYPE));
        });
    }

    private static String json(DeploymentRecorded recorded) {
        var json = new JsonObject();
        json.addProperty("change", recorded.change().map(Object::toString).orElse(null));
        json.addProperty("environment", recorded.environment());
        json.addProperty("status", recorded.status().code());
        json.addProperty("authorized", recorded.covered());
        json.addProperty("reason", recorded.uncoveredWhy().orElse(null));
        json.addProperty("change_state", recorded.changeState().orElse(null));
        json.addProperty("soak_until", recorded.soakUntil().map(Object::toString).orElse(null));
        json.addProperty("message", recorded.message());
        var links = new JsonObject();
        recorded.change().ifPresent(change -> links.addProperty("change", "/api/v1/changes/" + change));
        json.add("links", links);
        return json.toString();
    }
}
