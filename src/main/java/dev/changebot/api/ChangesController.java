package dev.changebot.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.application.gate.ChangeDeployments;
import dev.changebot.application.query.FindChanges;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.Deployment;
import dev.changebot.domain.gate.PipelineRun;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** `GET /api/v1/changes/{id}`: where a change of the token's workspace stands, for a pipeline to link or show. */
@Controller("/api/v1/changes")
class ChangesController {

    private final BearerTokens tokens;
    private final FindChanges changes;
    private final ChangeDeployments deployments;

    ChangesController(BearerTokens tokens, FindChanges changes, ChangeDeployments deployments) {
        this.tokens = tokens;
        this.changes = changes;
        this.deployments = deployments;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> show(HttpRequest<?> request, String id) {
        return ApiCalls.answer(() -> {
            var token = tokens.of(request);
            var notFound = new ApiError(HttpStatus.NOT_FOUND, "not_found", "No such change.");
            var changeId = ChangeId.parse(id).orElseThrow(() -> notFound);
            var view = changes.byId(token.workspaceId(), changeId).orElseThrow(() -> notFound);
            var json = json(view.change());
            json.add("deployments", deployments(deployments.of(token.workspaceId(), changeId)));
            return tokens.served(token, HttpResponse.ok(json.toString()).contentType(MediaType.APPLICATION_JSON_TYPE));
        });
    }

    /** What pipelines and GitHub reported of it: where, how it went, which version, and whether it was covered. */
    private static JsonArray deployments(List<Deployment> recorded) {
        var list = new JsonArray();
        for (var deployment : recorded) {
            var json = new JsonObject();
            json.addProperty("environment", deployment.environment());
            json.addProperty("status", deployment.status().code());
            json.addProperty("authorized", deployment.covered());
            json.addProperty("version", deployment.version().orElse(null));
            json.addProperty("url", deployment.url().orElse(null));
            json.addProperty("pipeline_url", deployment.pipeline().map(PipelineRun::url).orElse(null));
            json.addProperty("started_at", deployment.startedAt().map(Object::toString).orElse(null));
            json.addProperty("finished_at", deployment.finishedAt().map(Object::toString).orElse(null));
            json.addProperty("reported_at", deployment.reportedAt().toString());
            json.addProperty("reported_by", deployment.reportedBy());
            list.add(json);
        }
        return list;
    }

    private static JsonObject json(Change change) {
        var json = new JsonObject();
        json.addProperty("id", change.id().toString());
        json.addProperty("title", change.details().title());
        json.addProperty("class", change.changeClass());
        json.addProperty("state", change.state().name().toLowerCase(java.util.Locale.ROOT));
        json.addProperty("emergency", change.isEmergency());
        var passed = new JsonArray();
        change.stagesPassed().forEach(passed::add);
        json.add("stages_passed", passed);
        json.addProperty("soaking_in", change.soak().map(s -> s.environment()).orElse(null));
        json.addProperty("soak_until", change.soak().map(s -> s.until().toString()).orElse(null));
        json.addProperty("requested_at", change.requestedAt().toString());
        var signoffs = new JsonArray();
        for (var signoff : change.stageSignoffs()) {
            var s = new JsonObject();
            s.addProperty("before", signoff.before());
            s.addProperty("step", signoff.step());
            s.addProperty("approver", signoff.approverId());
            s.addProperty("approved_at", signoff.approvedAt().toString());
            signoffs.add(s);
        }
        json.add("stage_approvals", signoffs);
        var followUps = new JsonArray();
        for (var owed : change.obligations()) {
            var o = new JsonObject();
            o.addProperty("name", owed.name());
            o.addProperty("label", owed.label());
            o.addProperty("due_at", owed.dueAt().toString());
            o.addProperty("status", owed.status().name().toLowerCase(java.util.Locale.ROOT));
            o.addProperty("satisfied_by", owed.satisfiedBy().orElse(null));
            o.addProperty("satisfied_at", owed.satisfiedAt().map(Object::toString).orElse(null));
            followUps.add(o);
        }
        json.add("follow_ups", followUps);
        return json;
    }
}
