package dev.changebot.sandbox.web;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.standin.Outcome;
import dev.changebot.sandbox.standin.SlashCommands;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;

/**
 * The page's JSON API: the workspace as one person sees it, and what that person does (type a
 * command or message). Acting runs on the blocking executor: it waits for the bot's answer over HTTP.
 */
@Controller("/sandbox/api")
@Requires(condition = SandboxOn.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class SandboxApiController {

    private final Workspace workspace;
    private final SlashCommands commands;
    private final Clock clock;

    SandboxApiController(Workspace workspace, SlashCommands commands, Clock clock) {
        this.workspace = workspace;
        this.commands = commands;
        this.clock = clock;
    }

    @Get(value = "/state", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> state(@Nullable @QueryValue("as") String as, @Nullable @QueryValue("tz") String tz) {
        var viewer = as == null || as.isBlank() ? workspace.people().get(0).id() : as;
        return json(RenderedJson.addTo(StateJson.of(workspace.snapshot(viewer), clock), viewer, tz));
    }

    @Post(value = "/command", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> command(@Body String body) {
        var request = Requests.parse(body);
        return outcome(commands.type(Requests.string(request, "as"), Requests.string(request, "channel"),
                Requests.string(request, "text"), Requests.string(request, "thread_ts")));
    }

    static HttpResponse<String> outcome(Outcome outcome) {
        var json = new JsonObject();
        json.addProperty("ok", outcome.ok());
        if (outcome.error() != null) {
            json.addProperty("error", outcome.error());
        }
        return json(json);
    }

    static HttpResponse<String> json(JsonObject json) {
        return HttpResponse.ok(json.toString()).contentType("application/json; charset=utf-8");
    }

    /** The page's request bodies. */
    static final class Requests {

        private Requests() {
        }

        static JsonObject parse(String body) {
            try {
                return JsonParser.parseString(body == null ? "" : body).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The body must be a JSON object");
            }
        }

        static String string(JsonObject json, String name) {
            return json.has(name) && json.get(name).isJsonPrimitive() ? json.get(name).getAsString() : null;
        }
    }
}
