package dev.changebot.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.application.query.FindChanges;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** `GET /api/v1/changes/{id}`: where a change of the token's workspace stands, for a pipeline to link or show. */
@Controller("/api/v1/changes")
class ChangesController {

    private final BearerTokens tokens;
    private final FindChanges changes;

    ChangesController(BearerTokens tokens, FindChanges changes) {
        this.tokens = tokens;
        this.changes = changes;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> show(HttpRequest<?> request, String id) {
        return ApiCalls.answer(() -> {
            var token = tokens.of(request);
            var notFound = new ApiError(HttpStatus.NOT_FOUND, "not_found", "No such change.");
            var changeId = ChangeId.parse(id).orElseThrow(() -> notFound);
            var view = changes.byId(token.workspaceId(), changeId).orElseThrow(() -> notFound);
            return tokens.served(token, HttpResponse.ok(json(view.change())).contentType(MediaType.APPLICATION_JSON_TYPE));
        });
    }

    private static String json(Change change) {
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
        return json.toString();
    }
}
