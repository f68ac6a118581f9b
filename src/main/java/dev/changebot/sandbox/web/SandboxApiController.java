package dev.changebot.sandbox.web;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.sandbox.ClockControl;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.standin.Interactions;
import dev.changebot.sandbox.standin.Outcome;
import dev.changebot.sandbox.standin.SlashCommands;
import dev.changebot.sandbox.standin.ViewSubmissions;
import dev.changebot.sandbox.standin.WorkspaceEvents;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;

/**
 * The page's JSON API (the sandbox contract): the workspace as one person sees it, and what that
 * person does — type, click, submit or close a modal, react, open the App Home — plus the directory
 * and the clock. Acting runs on the blocking executor: it waits for the bot's answer over HTTP.
 * A request the page got wrong is answered 400 with {@code ok: false} and why.
 */
@Controller("/sandbox/api")
@Requires(condition = SandboxOn.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class SandboxApiController {

    private final Workspace workspace;
    private final SlashCommands commands;
    private final Interactions interactions;
    private final ViewSubmissions submissions;
    private final WorkspaceEvents events;
    private final ClockControl clockControl;
    private final Clock clock;

    SandboxApiController(Workspace workspace, SlashCommands commands, Interactions interactions,
                         ViewSubmissions submissions, WorkspaceEvents events, ClockControl clockControl, Clock clock) {
        this.workspace = workspace;
        this.commands = commands;
        this.interactions = interactions;
        this.submissions = submissions;
        this.events = events;
        this.clockControl = clockControl;
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

    @Post(value = "/action", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> action(@Body String body) {
        return outcome(interactions.click(Requests.parse(body)));
    }

    @Post(value = "/views/submit", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> submit(@Body String body) {
        var request = Requests.parse(body);
        var values = request.has("values") && request.get("values").isJsonObject() ? request.getAsJsonObject("values") : null;
        return submitted(submissions.submit(Requests.string(request, "as"), Requests.string(request, "view_id"), values));
    }

    @Post(value = "/views/close", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> close(@Body String body) {
        var request = Requests.parse(body);
        return submitted(submissions.close(Requests.string(request, "as"), Requests.string(request, "view_id")));
    }

    @Post(value = "/reactions", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> react(@Body String body) {
        var request = Requests.parse(body);
        boolean add = !request.has("add") || request.get("add").getAsBoolean();
        return outcome(events.react(Requests.string(request, "as"), Requests.string(request, "channel"),
                Requests.string(request, "ts"), Requests.string(request, "name"), add));
    }

    @Post(value = "/home", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> home(@Body String body) {
        return outcome(events.openHome(Requests.string(Requests.parse(body), "as")));
    }

    @Put(value = "/people", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> people(@Body String body) {
        var directory = DirectoryJson.parse(Requests.parse(body));
        workspace.replaceDirectory(directory.people(), directory.groups());
        var json = new JsonObject();
        json.addProperty("ok", true);
        // The bot keeps group membership for a minute of its clock (usergroups.list is rate limited in Slack).
        json.addProperty("note", "The bot sees changed user groups within a minute (or at once after a clock fast-forward).");
        return json(json);
    }

    @Post(value = "/clock/advance", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> advance(@Body String body) {
        var request = Requests.parse(body);
        if (!request.has("minutes") || !request.get("minutes").isJsonPrimitive()) {
            throw new IllegalArgumentException("Say how many minutes: {\"minutes\": 120}");
        }
        var advanced = clockControl.advance(java.time.Duration.ofMinutes(request.get("minutes").getAsLong()));
        var json = new JsonObject();
        json.addProperty("ok", true);
        json.addProperty("now", advanced.now().toString());
        json.addProperty("offset_seconds", advanced.offset().toSeconds());
        json.addProperty("timers_fired", advanced.timersFired());
        return json(json);
    }

    @Error(exception = IllegalArgumentException.class)
    HttpResponse<String> badRequest(IllegalArgumentException e) {
        return refused(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @Error(exception = IllegalStateException.class)
    HttpResponse<String> conflict(IllegalStateException e) {
        return refused(HttpStatus.CONFLICT, e.getMessage());
    }

    private static HttpResponse<String> refused(HttpStatus status, String why) {
        var json = new JsonObject();
        json.addProperty("ok", false);
        json.addProperty("error", why);
        return HttpResponse.<String>status(status).body(json.toString()).contentType("application/json; charset=utf-8");
    }

    static HttpResponse<String> outcome(Outcome outcome) {
        var json = new JsonObject();
        json.addProperty("ok", outcome.ok());
        if (outcome.error() != null) {
            json.addProperty("error", outcome.error());
        }
        return json(json);
    }

    private static HttpResponse<String> submitted(Outcome outcome) {
        var json = new JsonObject();
        json.addProperty("ok", outcome.ok());
        if (outcome.error() != null) {
            json.addProperty("error", outcome.error());
        }
        json.addProperty("closed", outcome.closed());
        if (!outcome.errors().isEmpty()) {
            var errors = new JsonObject();
            outcome.errors().forEach(errors::addProperty);
            json.add("errors", errors);
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
